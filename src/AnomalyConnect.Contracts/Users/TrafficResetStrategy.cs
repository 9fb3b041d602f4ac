namespace AnomalyConnect.Contracts.Users;

/// <summary>When a user's used traffic returns to zero on its own.</summary>
public enum TrafficResetStrategy
{
    NoReset,
    Day,
    Week,
    Month,
    MonthRolling,
}
