using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Subscriptions;

/// <summary>
/// A user's devices. A new device takes a slot inside a locked turn, so two new devices racing for the last slot
/// cannot both get it. Everything else starts with an unlocked read: a known device seen lately, or a new one while
/// every slot is taken, is answered from committed state with no lock and no write. Each fetch also goes to the
/// batched fetch log, which costs the fetch no round trip.
/// </summary>
internal sealed class UserDevicesGrain(TimeProvider clock, SubscriptionFetchLog fetchLog, NpgsqlDataSource dataSource)
    : Grain<UserDevicesState>, IUserDevicesGrain
{
    public const string GrainType = "user-devices";

    /// <summary>A known device's last_seen is rewritten at most this often, so its fetches are reads.</summary>
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    /// <summary>Bounds the list of a user without a limit (a limit bounds it otherwise): beyond it the device seen longest ago is forgotten.</summary>
    private const int MaxDevicesKept = 100;

    public async Task<DeviceDecision> RegisterFetchAsync(DeviceFetch fetch)
    {
        var now = clock.GetUtcNow();
        var hwid = DeviceFields.Hwid(fetch.Hwid);
        var decision = hwid is null ? DeviceDecision.NoDevice : await AdmitAsync(hwid, fetch, now);
        fetchLog.Record(new FetchRecord(Key, now, DeviceFields.Text(fetch.UserAgent), hwid, DeviceFields.Text(fetch.Address), decision));
        return decision;
    }

    public async Task<IReadOnlyList<UserDevice>> ListAsync()
    {
        var state = await ReadStateAsync();
        return state is null
            ? []
            : [.. state.Devices.OrderByDescending(d => d.LastSeen).Select(d => new UserDevice(d.Hwid, d.Os, d.Model, d.App, d.FirstSeen, d.LastSeen, d.LastAddress))];
    }

    public Task<bool> RemoveAsync(string hwid) => UpdateAsync(turn =>
    {
        if (turn.State is not { } state || state.Find(hwid) is not { } device)
        {
            return false;
        }
        state.Devices.Remove(device);
        if (state.Devices.Count == 0)
        {
            turn.State = null;
        }
        return true;
    });

    public Task<IReadOnlyList<SubscriptionFetch>> RecentFetchesAsync() =>
        SubscriptionFetchStore.ReadRecentAsync(dataSource, Key, CancellationToken.None);

    private async Task<DeviceDecision> AdmitAsync(string hwid, DeviceFetch fetch, DateTimeOffset now)
    {
        var committed = await ReadStateAsync();
        if (committed?.Find(hwid) is { } known && now - known.LastSeen < LastSeenPrecision)
        {
            return DeviceDecision.Allowed;
        }
        // A slot freed in between would only make this answer one fetch early, as if it came just before the removal.
        if (committed?.Find(hwid) is null && IsFull(committed?.Devices.Count ?? 0, fetch.DeviceLimit))
        {
            return DeviceDecision.OverLimit;
        }
        return await UpdateAsync(turn => Admit(turn, hwid, fetch));
    }

    private static DeviceDecision Admit(GrainTurn<UserDevicesState> turn, string hwid, DeviceFetch fetch)
    {
        var state = turn.State ?? new UserDevicesState();
        var device = state.Find(hwid);
        if (device is null)
        {
            if (IsFull(state.Devices.Count, fetch.DeviceLimit))
            {
                return DeviceDecision.OverLimit;
            }
            device = new DeviceEntry { Hwid = hwid, FirstSeen = turn.Now, LastSeen = turn.Now };
            state.Devices.Add(device);
            if (fetch.DeviceLimit is null)
            {
                ForgetOldestBeyondBound(state);
            }
        }
        device.Os = DeviceFields.Text(fetch.Os) ?? device.Os;
        device.Model = DeviceFields.Text(fetch.Model) ?? device.Model;
        device.App = DeviceFields.Text(fetch.UserAgent) ?? device.App;
        device.LastAddress = DeviceFields.Text(fetch.Address) ?? device.LastAddress;
        device.LastSeen = turn.Now;
        turn.State = state;
        return DeviceDecision.Allowed;
    }

    private static bool IsFull(int devices, int? limit) => limit is { } slots && devices >= slots;

    private static void ForgetOldestBeyondBound(UserDevicesState state)
    {
        while (state.Devices.Count > MaxDevicesKept)
        {
            state.Devices.Remove(state.Devices.MinBy(d => d.LastSeen)!);
        }
    }
}
