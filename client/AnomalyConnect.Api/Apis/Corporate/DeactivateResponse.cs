namespace AnomalyConnect.Api.Apis.Corporate;

/// <summary>POST /user/{user_id}/deactivate.</summary>
public sealed record DeactivateResponse(string UserId, bool IsActive);
