namespace AnomalyConnect.Contracts.Corporate;

/// <summary>What an HR event says happened (<c>employee.hired</c>, <c>employee.terminated</c>, …).</summary>
public enum HrEventType
{
    /// <summary>Registers the id and grants access.</summary>
    Hired,

    /// <summary>Revokes the id in the registry and deactivates access.</summary>
    Terminated,

    /// <summary>Deactivates access; the registry entry stays.</summary>
    Suspended,

    /// <summary>Registers the id again and reactivates access.</summary>
    Reinstated,
}
