namespace AnomalyConnect.Grains.Corporate;

/// <summary>The employee grain's type name and the secondary key it is found by.</summary>
internal static class EmployeeIndexes
{
    public const string GrainType = "employee";

    /// <summary>SHA-256 (hex) of the current activation code → employee id.</summary>
    public const string ActivationCode = "activation-code";
}
