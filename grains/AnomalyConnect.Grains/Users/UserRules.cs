using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Nodes;

namespace AnomalyConnect.Grains.Users;

/// <summary>How each <see cref="UserAction"/> changes a user's state; validation in plain sentences.</summary>
internal static class UserRules
{
    public const int MaxDays = 36_500;

    public static string? Validate(NewUser user) => user switch
    {
        { Days: < 0 or > MaxDays } => $"days must be between 0 and {MaxDays}.",
        { OnHoldDays: <= 0 or > MaxDays } => $"on_hold_days must be between 1 and {MaxDays}.",
        { TrafficLimitBytes: < 0 } => "The traffic limit cannot be negative.",
        { DeviceLimit: <= 0 } => "The device limit must be at least 1.",
        _ => null,
    };

    public static async Task<ActionOutcome> ApplyAsync(UserState state, UserAction action, DateTimeOffset now, NodeCatalog nodes)
    {
        switch (action)
        {
            case UserAction.Extend { Days: <= 0 or > MaxDays }:
                return ActionOutcome.Fail($"days must be between 1 and {MaxDays}.");
            case UserAction.Extend extend:
                if (state.OnHoldDays is { } holdDays && state.ExpiresAt is null)
                {
                    state.OnHoldDays = holdDays + extend.Days;
                }
                else
                {
                    state.ExpiresAt = UserStatusRules.Extend(state.ExpiresAt, extend.Days, now);
                }
                return ActionOutcome.Ok;
            case UserAction.SetExpiry expiry:
                state.ExpiresAt = expiry.ExpiresAt;
                state.OnHoldDays = null;
                return ActionOutcome.Ok;
            case UserAction.SetTrafficLimit { Bytes: < 0 }:
                return ActionOutcome.Fail("The traffic limit cannot be negative.");
            case UserAction.SetTrafficLimit limit:
                state.TrafficLimitBytes = limit.Bytes;
                state.UsageWarningsSent.Clear();
                return ActionOutcome.Ok;
            case UserAction.SetResetStrategy strategy:
                state.ResetStrategy = strategy.Strategy;
                return ActionOutcome.Ok;
            case UserAction.ResetTraffic:
                state.LastTrafficResetAt = now;
                state.UsageWarningsSent.Clear();
                return ActionOutcome.Reset;
            case UserAction.Disable disable:
                state.Disabled = true;
                state.DisabledReason = disable.Reason;
                return ActionOutcome.Ok;
            case UserAction.Enable:
                state.Disabled = false;
                state.DisabledReason = null;
                return ActionOutcome.Ok;
            case UserAction.RevokeSubscription:
                var fresh = UserCredentialFactory.Create();
                state.VlessUuid = fresh.VlessUuid;
                state.Hysteria2Auth = fresh.Hysteria2Auth;
                state.SubscriptionToken = fresh.SubscriptionToken;
                return ActionOutcome.Ok;
            case UserAction.MoveOffNode move:
                await MoveOffAsync(state, move.NodeId, nodes);
                return ActionOutcome.Ok;
            case UserAction.StartTrial when state.TrialUsed:
                return ActionOutcome.Fail("The free trial was already used.");
            case UserAction.StartTrial { Days: <= 0 or > 365 }:
                return ActionOutcome.Fail("Trial days must be between 1 and 365.");
            case UserAction.StartTrial trial:
                state.TrialUsed = true;
                state.ExpiresAt = UserStatusRules.Extend(state.ExpiresAt, trial.Days, now);
                state.OnHoldDays = null;
                return ActionOutcome.Ok;
            case UserAction.EnsurePlaced:
                await MoveOffAsync(state, nodeId: "", nodes);
                return ActionOutcome.Ok;
            case UserAction.SetIdentity identity:
                state.TelegramId = identity.TelegramId;
                state.Username = identity.Username;
                state.EmployeeId = identity.EmployeeId;
                state.DisplayName = identity.DisplayName;
                state.Email = identity.Email;
                return ActionOutcome.Ok;
            case UserAction.ApplyPayment payment when state.AppliedPaymentIds.Contains(payment.PaymentId):
                return ActionOutcome.AlreadyDone;
            case UserAction.ApplyPayment { Days: < 0 or > MaxDays }:
                return ActionOutcome.Fail($"days must be between 0 and {MaxDays}.");
            case UserAction.ApplyPayment payment:
                state.AppliedPaymentIds.Add(payment.PaymentId);
                if (payment.Days > 0)
                {
                    state.ExpiresAt = UserStatusRules.Extend(state.ExpiresAt, payment.Days, now);
                    state.OnHoldDays = null;
                }
                if (payment.TrafficLimitBytes is not null)
                {
                    state.TrafficLimitBytes = payment.TrafficLimitBytes;
                    state.UsageWarningsSent.Clear();
                }
                state.DeviceLimit = payment.DeviceLimit ?? state.DeviceLimit;
                state.Disabled = false;
                state.DisabledReason = null;
                return payment.ResetUsage ? ActionOutcome.Reset : ActionOutcome.Ok;
            case UserAction.SetDeviceLimit { Limit: <= 0 }:
                return ActionOutcome.Fail("The device limit must be at least 1.");
            case UserAction.SetDeviceLimit devices:
                state.DeviceLimit = devices.Limit;
                return ActionOutcome.Ok;
            default:
                return ActionOutcome.Fail($"Unknown action {action.GetType().Name}.");
        }
    }

    /// <summary>Replaces every placement on the node with the least-loaded other node; also places protocols left unplaced.</summary>
    private static async Task MoveOffAsync(UserState state, string nodeId, NodeCatalog nodes)
    {
        var placements = new List<UserPlacement>();
        foreach (var protocol in Enum.GetValues<NodeProtocol>())
        {
            var current = state.Placements.Where(p => p.Protocol == protocol && p.NodeId != nodeId).ToList();
            if (nodes.Mode == PlacementMode.AllNodes)
            {
                placements.AddRange(current);
            }
            else if (current.Count > 0)
            {
                placements.Add(current[0]);
            }
            else if (await nodes.ChooseOneAsync(protocol, state.Region, nodeId, CancellationToken.None) is { } replacement)
            {
                placements.Add(new UserPlacement(protocol, replacement));
            }
        }
        state.Placements = placements;
    }
}

internal sealed record ActionOutcome(string? Error, bool TrafficReset, bool Unchanged = false)
{
    public static ActionOutcome Ok { get; } = new(null, false);

    public static ActionOutcome Reset { get; } = new(null, true);

    /// <summary>The change was made before (a payment applied twice): nothing to do.</summary>
    public static ActionOutcome AlreadyDone { get; } = new(null, false, Unchanged: true);

    public static ActionOutcome Fail(string error) => new(error, false);
}
