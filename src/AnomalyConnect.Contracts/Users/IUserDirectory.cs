namespace AnomalyConnect.Contracts.Users;

/// <summary>The one place users are found by a secondary key or searched.</summary>
public interface IUserDirectory
{
    Task<string?> FindBySubscriptionTokenAsync(string token, CancellationToken cancellationToken);

    Task<string?> FindByTelegramIdAsync(long telegramId, CancellationToken cancellationToken);

    Task<string?> FindByEmployeeIdAsync(string employeeId, CancellationToken cancellationToken);

    Task<string?> FindByHysteria2AuthAsync(string auth, CancellationToken cancellationToken);

    Task<UserPage> SearchAsync(UserQuery query, CancellationToken cancellationToken);

    /// <summary>Counts users by status, for dashboards and metrics.</summary>
    Task<IReadOnlyDictionary<UserStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);
}
