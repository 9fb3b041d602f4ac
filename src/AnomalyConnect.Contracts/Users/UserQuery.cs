namespace AnomalyConnect.Contracts.Users;

/// <summary>A page of users matching a text (id, username, Telegram id, employee id, name, e-mail) and a status.</summary>
public sealed record UserQuery(string? Text, UserStatus? Status, int Page = 1, int PageSize = 50);

public sealed record UserPage(IReadOnlyList<UserView> Users, int Page, int PageSize, long Total);
