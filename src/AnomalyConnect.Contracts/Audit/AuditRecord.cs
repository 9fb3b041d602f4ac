namespace AnomalyConnect.Contracts.Audit;

/// <summary>One change to write to the audit trail: what (action), to whom (subject), by whom, with details.</summary>
public sealed record AuditRecord(string Action, string SubjectType, string SubjectId, Actor Actor, IReadOnlyDictionary<string, string?>? Details = null);
