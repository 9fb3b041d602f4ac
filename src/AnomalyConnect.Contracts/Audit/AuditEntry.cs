namespace AnomalyConnect.Contracts.Audit;

/// <summary>A stored audit entry. Entries are never changed or removed.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Action,
    string SubjectType,
    string SubjectId,
    Actor Actor,
    IReadOnlyDictionary<string, string?> Details);

public sealed record AuditQuery(string? SubjectType = null, string? SubjectId = null, string? ActorKind = null, string? Action = null, int Page = 1, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, long Total);
