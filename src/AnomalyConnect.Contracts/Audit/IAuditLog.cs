namespace AnomalyConnect.Contracts.Audit;

/// <summary>
/// The audit trail. Grains write their own entries inside the turn that makes the change; this interface is
/// for reading, and for recording events that change no grain (a refused request, a second-factor decision).
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken);
}
