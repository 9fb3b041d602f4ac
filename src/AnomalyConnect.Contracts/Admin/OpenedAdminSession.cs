namespace AnomalyConnect.Contracts.Admin;

/// <summary>A session just opened: the token for the cookie (shown once, stored only hashed) and the session.</summary>
public sealed record OpenedAdminSession(string Token, AdminSession Session);
