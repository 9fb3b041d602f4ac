using System.Security.Cryptography;
using System.Text;
using AnomalyConnect.Contracts.Nodes;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;
using AnomalyConnect.Grains.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AnomalyConnect.Grains.Nodes;

internal sealed class NodeGrain(NodeCatalog catalog, GrainIndex index, NpgsqlDataSource dataSource, IOptions<NodeOptions> options)
    : Grain<NodeState>, INodeGrain
{
    public const string TickTimer = "tick";
    public const string HeartbeatTimer = "heartbeat";

    public async Task<NodeResult> RegisterAsync(NodeDefinition definition)
    {
        if (NodeRules.Validate(Key, definition) is { } error)
        {
            return new NodeResult(NodeOutcome.Invalid, null, error);
        }
        var result = await UpdateAsync(turn =>
        {
            var state = turn.State ??= new NodeState
            {
                Name = definition.Name,
                Region = definition.Region,
                Address = definition.Address,
                AuthHookSecret = RandomNumberGenerator.GetHexString(48, lowercase: true),
                RegisteredAt = turn.Now,
                Health = NodeHealth.Unknown,
            };
            state.Name = definition.Name;
            state.Region = definition.Region;
            state.Address = definition.Address;
            state.Capacity = definition.Capacity;
            state.Priority = definition.Priority;
            state.Xray = definition.Xray;
            state.Hysteria2 = definition.Hysteria2;
            turn.SetTimer(TickTimer, turn.Now);
            ScheduleHeartbeat(turn);
            if (turn.Existed)
            {
                turn.Send(OutboxKinds.NodeResync, OutboxKinds.NodeResyncPartition(Key), new NodeResync(Key, "definition changed"));
            }
            return new NodeResult(NodeOutcome.Done, NodeViews.Of(Key, state));
        });
        catalog.Invalidate();
        return result;
    }

    public async Task<NodeView?> GetAsync() =>
        await ReadStateAsync() is { } state ? NodeViews.Of(Key, state) : null;

    public async Task<NodeResult> ApplyProbeAsync(NodeProbe probe)
    {
        var healthChanged = false;
        var result = await UpdateAsync(async turn =>
        {
            if (turn.State is not { } state)
            {
                return new NodeResult(NodeOutcome.NotFound, null);
            }
            var before = state.Health;
            state.LastCheckedAt = probe.ProbedAt;
            if (!probe.Answered)
            {
                RecordFailure(turn, state, probe.Error);
            }
            else
            {
                await RecordSuccessAsync(turn, state, probe);
            }
            healthChanged = before != state.Health;
            return new NodeResult(NodeOutcome.Done, NodeViews.Of(Key, state));
        });
        if (healthChanged)
        {
            catalog.Invalidate();
        }
        return result;
    }

    public async Task<NodeResult> DrainAsync()
    {
        var result = await UpdateAsync(turn =>
        {
            if (turn.State is not { } state)
            {
                return new NodeResult(NodeOutcome.NotFound, null);
            }
            state.Health = NodeHealth.Draining;
            turn.Send(OutboxKinds.NodeEvacuate, OutboxKinds.NodeEvacuatePartition(Key), new NodeEvacuate(Key, ThenRemove: true));
            return new NodeResult(NodeOutcome.Done, NodeViews.Of(Key, state));
        });
        catalog.Invalidate();
        return result;
    }

    public Task<NodeResult> RequestResyncAsync() => UpdateAsync(turn =>
    {
        if (turn.State is not { } state)
        {
            return new NodeResult(NodeOutcome.NotFound, null);
        }
        turn.Send(OutboxKinds.NodeResync, OutboxKinds.NodeResyncPartition(Key), new NodeResync(Key, "requested"));
        return new NodeResult(NodeOutcome.Done, NodeViews.Of(Key, state));
    });

    public async Task<Hysteria2AuthDecision> AuthorizeHysteria2Async(string nodeSecret, string auth)
    {
        var state = await ReadStateAsync();
        if (state is null || !FixedTimeEquals(state.AuthHookSecret, nodeSecret))
        {
            return new Hysteria2AuthDecision(false, false, null);
        }
        if (await index.FindKeyAsync(UserIndexes.GrainType, UserIndexes.Hysteria2Auth, auth, CancellationToken.None) is not { } userId)
        {
            return new Hysteria2AuthDecision(true, false, null);
        }
        var allowed = await NodeMembership.IsDesiredAsync(dataSource, Key, ProtocolNames.Hysteria2, userId, catalog.Mode);
        return new Hysteria2AuthDecision(true, allowed, allowed ? userId : null);
    }

    public async Task<string?> GetAuthHookSecretAsync() => (await ReadStateAsync())?.AuthHookSecret;

    public async Task<NodeSecrets?> GetSecretsAsync() =>
        await ReadStateAsync() is { } state ? new NodeSecrets(state.AuthHookSecret, state.Hysteria2?.StatsSecret, state.Xray?.Reality?.PrivateKey) : null;

    /// <summary>Removes a drained node once no user is placed on it any more.</summary>
    public Task<NodeResult> RemoveAsync() => UpdateAsync(async turn =>
    {
        if (turn.State is not { } state)
        {
            return new NodeResult(NodeOutcome.NotFound, null);
        }
        if (state.Health != NodeHealth.Draining)
        {
            return new NodeResult(NodeOutcome.Invalid, NodeViews.Of(Key, state), "Only a drained node can be removed.");
        }
        await using var cleanup = new NpgsqlBatch(turn.Connection, turn.Transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM node_counter_sets WHERE node_id = $1") { Parameters = { new() { Value = Key } } },
                new NpgsqlBatchCommand("DELETE FROM node_members WHERE node_id = $1") { Parameters = { new() { Value = Key } } },
            },
        };
        await cleanup.ExecuteNonQueryAsync();
        turn.State = null;
        return new NodeResult(NodeOutcome.Done, null);
    });

    protected override Task OnTimerAsync(GrainTurn<NodeState> turn, string timerName)
    {
        switch (timerName)
        {
            case TickTimer:
                turn.SetTimer(TickTimer, NodePollSchedule.NextAfter(Key, turn.Now, options.Value.PollInterval));
                turn.Send(OutboxKinds.NodeTick, OutboxKinds.NodeTickPartition(Key), new NodeTick(Key, turn.Now));
                // Also starts the heartbeats of a node registered before there were any.
                ScheduleHeartbeat(turn);
                break;
            case HeartbeatTimer when ScheduleHeartbeat(turn):
                turn.Send(OutboxKinds.NodeHeartbeat, OutboxKinds.NodeTickPartition(Key), new NodeHeartbeat(Key, turn.Now));
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>Sets the next heartbeat of an Xray node that is not draining; false (and none set) otherwise.</summary>
    private bool ScheduleHeartbeat(GrainTurn<NodeState> turn)
    {
        if (!options.Value.HeartbeatsEnabled || turn.State is not { Xray: not null } state || state.Health == NodeHealth.Draining)
        {
            return false;
        }
        turn.SetTimer(HeartbeatTimer, NodePollSchedule.NextAfter(Key, turn.Now, options.Value.HeartbeatInterval));
        return true;
    }

    private void RecordFailure(GrainTurn<NodeState> turn, NodeState state, string? error)
    {
        state.ConsecutiveFailures++;
        state.LastError = error;
        if (state.ConsecutiveFailures >= options.Value.FailureThreshold && state.Health is NodeHealth.Healthy or NodeHealth.Unknown)
        {
            state.Health = NodeHealth.Unhealthy;
            turn.Send(OutboxKinds.NodeEvacuate, OutboxKinds.NodeEvacuatePartition(Key), new NodeEvacuate(Key, ThenRemove: false));
        }
    }

    private async Task RecordSuccessAsync(GrainTurn<NodeState> turn, NodeState state, NodeProbe probe)
    {
        var recovered = state.Health is NodeHealth.Unhealthy or NodeHealth.Unknown;
        var restarted = NodeRules.CoreRestarted(probe.CoreUptimeSeconds, state.LastCoreUptimeSeconds);
        state.ConsecutiveFailures = 0;
        state.LastError = null;
        state.LastHealthyAt = probe.ProbedAt;
        state.LastCoreUptimeSeconds = probe.CoreUptimeSeconds ?? state.LastCoreUptimeSeconds;
        if (state.Health != NodeHealth.Draining)
        {
            state.Health = NodeHealth.Healthy;
        }

        var accounting = await NodeTrafficAccounting.ApplyAsync(turn.Connection, turn.Transaction, Key, probe.Counters, turn.Now);
        state.UploadBytes += accounting.UploadBytes;
        state.DownloadBytes += accounting.DownloadBytes;
        foreach (var userId in accounting.UsersToReview)
        {
            turn.Send(OutboxKinds.UserReview, OutboxKinds.UserPartition(userId), new UserReview(userId));
        }
        if (recovered || restarted || accounting.CounterWentDown)
        {
            var reason = recovered ? "node answered again" : "node core restarted";
            turn.Send(OutboxKinds.NodeResync, OutboxKinds.NodeResyncPartition(Key), new NodeResync(Key, reason));
        }
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
