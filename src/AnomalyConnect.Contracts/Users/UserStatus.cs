namespace AnomalyConnect.Contracts.Users;

/// <summary>What a user may do now. Only <see cref="Active"/> and <see cref="OnHold"/> users are on nodes.</summary>
public enum UserStatus
{
    Active,
    Disabled,
    Limited,
    Expired,
    OnHold,
}
