using System.Text.Json;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Grains.Users;

/// <summary>Audit action names of user changes: "user." and the action in snake case (user.extend, user.disable…).</summary>
internal static class UserAuditActions
{
    public static string Of(UserAction action) => "user." + JsonNamingPolicy.SnakeCaseLower.ConvertName(action.GetType().Name);
}
