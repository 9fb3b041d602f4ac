using System.Collections.Concurrent;
using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Runtime;
using Npgsql;

namespace AnomalyConnect.Grains.Users;

/// <summary>
/// Subscription users by token, in memory. Once listening, every user is loaded in one streaming read; after that a
/// miss (a user created since) reads the token's user, state and usage in one query, and a hit reads nothing.
/// <see cref="UserChangeListener"/> hears every committed change (migration 0010's triggers): a changed user's copy
/// is dropped, new usage is written into the copy. Everything is dropped whenever the listener is not listening,
/// and nothing is kept then: without notifications a copy could not be trusted.
/// </summary>
/// <remarks>
/// <para>
/// A read that started before a change committed can finish after its notification was handled; every
/// notification therefore stamps its user with a sequence number, and a read keeps its copy only if its user was
/// not stamped after the read began. A kept user's stamp lives in its slot; a stamp of a user without a copy lives
/// two sweeps (at least <see cref="StampLifetime"/>), and a read that takes longer keeps nothing.
/// </para>
/// <para>
/// The copies are values in one <see cref="SlotTable{T}"/> under one lock, found by packed token and by user id:
/// a user costs one object (the id), not six, so 100,000 users add little for the garbage collector to walk and
/// nothing to fragment the old generation, and usage notifications (every user, every poll) allocate nothing.
/// </para>
/// </remarks>
internal sealed class SubscriptionReadModel(NpgsqlDataSource dataSource, TimeProvider clock) : ISubscriptionUsers
{
    /// <summary>Tokens are 32 characters; anything far longer is not worth a query.</summary>
    private const int MaxTokenLength = 128;

    /// <summary>Far above the users a control server holds; if ever reached, the copies start over.</summary>
    private const int MaxEntries = 400_000;

    private const int MaxSharedPlacementLists = 10_000;

    /// <summary>Token, user id, state and usage of users by subscription token; a lookup adds the token.</summary>
    private const string SelectUsersByToken =
        """
        SELECT i.index_value, i.grain_key, g.state::text, coalesce(t.upload_bytes, 0), coalesce(t.download_bytes, 0)
        FROM grain_index i
        JOIN grain_state g ON g.grain_type = i.grain_type AND g.grain_key = i.grain_key AND g.state IS NOT NULL
        LEFT JOIN user_traffic t ON t.user_id = i.grain_key
        WHERE i.grain_type = 'user' AND i.index_name = 'subscription-token'
        """;

    public static readonly TimeSpan StampLifetime = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly SlotTable<Slot> slots = new();
    private readonly Dictionary<PackedText, int> slotByToken = [];
    private readonly Dictionary<string, int> slotByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> stamps = new(StringComparer.Ordinal);

    // Most users share their placements with thousands of others (the same node for each protocol): one list each.
    private readonly ConcurrentDictionary<IReadOnlyList<UserPlacement>, IReadOnlyList<UserPlacement>> placementLists = new(PlacementListComparer.Instance);
    private readonly TaskCompletionSource wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sequence;
    private long generation;
    private long sweptBelow;
    private long previousSweepMark;
    private volatile bool live;

    /// <summary>Completes at the first lookup: processes that never serve a subscription never listen.</summary>
    public Task Wanted => wanted.Task;

    /// <summary>Users held in memory now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return slots.Count;
            }
        }
    }

    public async ValueTask<UserView?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }
        wanted.TrySetResult();
        if (live && TryGetCopy(PackedText.Of(token), out var known))
        {
            return known.ToView(token);
        }
        var startedAt = clock.GetTimestamp();
        var startSequence = Interlocked.Read(ref sequence);
        var startGeneration = Interlocked.Read(ref generation);
        if (await StateStore.GuardAsync(() => ReadAsync(token, cancellationToken)) is not { } read)
        {
            return null;
        }
        if (live && clock.GetElapsedTime(startedAt) < StampLifetime)
        {
            Keep(read.Token, read.Entry, startSequence, startGeneration);
        }
        return read.Entry.ToView(token);
    }

    /// <summary>
    /// A notification's payload: comma-separated user ids (state changed: the copy goes) and
    /// <c>id:upload:download</c> items (only usage changed: the copy takes it).
    /// </summary>
    public void Apply(string payload)
    {
        lock (gate)
        {
            foreach (var range in payload.AsSpan().Split(','))
            {
                var item = payload.AsSpan(range);
                if (TryParseUsage(item, out var userId, out var upload, out var download))
                {
                    UsageChangedLocked(userId, upload, download);
                }
                else
                {
                    ChangedLocked(item);
                }
            }
        }
    }

    /// <summary>These users changed (a turn of this process, or a notification): their copies go.</summary>
    public void Changed(IEnumerable<string> userIds)
    {
        lock (gate)
        {
            foreach (var userId in userIds)
            {
                ChangedLocked(userId);
            }
        }
    }

    /// <summary>
    /// Reads every user with a subscription token, keeping each copy as a miss would. Called right after listening
    /// starts, on a connection of its own, so a change committed meanwhile is handled after this returns and
    /// drops the copy it makes stale.
    /// </summary>
    public async Task<int> LoadAllAsync(CancellationToken cancellationToken)
    {
        var startSequence = Interlocked.Read(ref sequence);
        var startGeneration = Interlocked.Read(ref generation);
        await using var command = dataSource.CreateCommand(SelectUsersByToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var loaded = 0;
        while (await reader.ReadAsync(cancellationToken) && live && Count < MaxEntries)
        {
            if (EntryOf(reader) is { } row)
            {
                Keep(row.Token, row.Entry, startSequence, startGeneration);
                loaded++;
            }
        }
        return loaded;
    }

    /// <summary>Listening (again): copies may be kept from now on; none from before can be trusted.</summary>
    public void StartedListening()
    {
        DropAll();
        live = true;
    }

    /// <summary>Not listening: nothing is served from memory until listening again.</summary>
    public void StoppedListening()
    {
        live = false;
        DropAll();
    }

    /// <summary>Forgets stamps that no read in flight can still need (called every <see cref="StampLifetime"/>).</summary>
    public void SweepStamps()
    {
        lock (gate)
        {
            var below = previousSweepMark;
            previousSweepMark = Interlocked.Read(ref sequence);
            sweptBelow = below;
            foreach (var (userId, stamp) in stamps)
            {
                if (stamp <= below)
                {
                    stamps.Remove(userId);
                }
            }
        }
    }

    private bool TryGetCopy(PackedText token, out SubscriptionEntry entry)
    {
        lock (gate)
        {
            if (slotByToken.TryGetValue(token, out var slot))
            {
                entry = slots[slot].Entry;
                return true;
            }
        }
        entry = default;
        return false;
    }

    private static bool TryParseUsage(ReadOnlySpan<char> item, out ReadOnlySpan<char> userId, out long upload, out long download)
    {
        userId = default;
        upload = download = 0;
        var first = item.IndexOf(':');
        if (first < 0)
        {
            return false;
        }
        var rest = item[(first + 1)..];
        var second = rest.IndexOf(':');
        if (second < 0 || rest[(second + 1)..].Contains(':'))
        {
            return false;
        }
        userId = item[..first];
        return long.TryParse(rest[..second], out upload) && long.TryParse(rest[(second + 1)..], out download);
    }

    private void ChangedLocked(ReadOnlySpan<char> userId)
    {
        var byUser = slotByUser.GetAlternateLookup<ReadOnlySpan<char>>();
        var stamp = Interlocked.Increment(ref sequence);
        if (byUser.Remove(userId, out var key, out var slot))
        {
            slotByToken.Remove(slots[slot].Token);
            slots.Remove(slot);
            stamps[key] = stamp;
        }
        else
        {
            stamps.GetAlternateLookup<ReadOnlySpan<char>>()[userId] = stamp;
        }
    }

    private void UsageChangedLocked(ReadOnlySpan<char> userId, long upload, long download)
    {
        var stamp = Interlocked.Increment(ref sequence);
        if (slotByUser.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(userId, out var slot))
        {
            ref var copy = ref slots[slot];
            copy = copy with { Entry = copy.Entry.WithUsage(upload, download), Stamp = stamp };
        }
        else
        {
            stamps.GetAlternateLookup<ReadOnlySpan<char>>()[userId] = stamp;
        }
    }

    private void Keep(string token, SubscriptionEntry user, long startSequence, long startGeneration)
    {
        var key = PackedText.Of(token);
        lock (gate)
        {
            var hasSlot = slotByUser.TryGetValue(user.UserId, out var slot);
            var stale = startSequence < sweptBelow
                || (stamps.TryGetValue(user.UserId, out var stamp) && stamp > startSequence)
                || (hasSlot && slots[slot].Stamp > startSequence)
                || generation != startGeneration;
            if (stale)
            {
                return;
            }
            if (!hasSlot && slots.Count >= MaxEntries)
            {
                DropAllLocked();
                return;
            }
            // Tokens are unique, but an old copy holding this token for another user must never serve it.
            if (slotByToken.TryGetValue(key, out var holder) && !(hasSlot && holder == slot))
            {
                var other = slots[holder].Entry.UserId;
                slotByUser.Remove(other);
                slots.Remove(holder);
                stamps[other] = Interlocked.Increment(ref sequence);
            }
            if (hasSlot)
            {
                ref var copy = ref slots[slot];
                // A revoked token's old copy is replaced by the new token's when the user is read again.
                slotByToken.Remove(copy.Token);
                copy = new Slot(key, user, copy.Stamp);
            }
            else
            {
                slot = slots.Add(new Slot(key, user, 0));
                slotByUser[user.UserId] = slot;
            }
            slotByToken[key] = slot;
        }
    }

    private void DropAll()
    {
        lock (gate)
        {
            DropAllLocked();
        }
    }

    private void DropAllLocked()
    {
        Interlocked.Increment(ref generation);
        slotByToken.Clear();
        slotByUser.Clear();
        slots.Clear();
    }

    private async Task<(string Token, SubscriptionEntry Entry)?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectUsersByToken + " AND i.index_value = $1");
        command.Parameters.Add(new() { Value = token });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? EntryOf(reader) : null;
    }

    /// <summary>A kept copy: its token, the user, and the last usage notification that wrote into it.</summary>
    private readonly record struct Slot(PackedText Token, SubscriptionEntry Entry, long Stamp);

    private sealed class PlacementListComparer : IEqualityComparer<IReadOnlyList<UserPlacement>>
    {
        public static readonly PlacementListComparer Instance = new();

        public bool Equals(IReadOnlyList<UserPlacement>? x, IReadOnlyList<UserPlacement>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(IReadOnlyList<UserPlacement> placements)
        {
            var hash = new HashCode();
            foreach (var placement in placements)
            {
                hash.Add(placement);
            }
            return hash.ToHashCode();
        }
    }

    /// <summary>A row of <see cref="SelectUsersByToken"/> as its token and entry; null for a token the state no longer holds.</summary>
    private (string Token, SubscriptionEntry Entry)? EntryOf(NpgsqlDataReader reader)
    {
        var token = reader.GetString(0);
        var state = GrainJson.Deserialize<UserState>(reader.GetString(2));
        // The index and the state are read in one snapshot, but guard anyway: an old token must never serve.
        if (!string.Equals(state.SubscriptionToken, token, StringComparison.Ordinal))
        {
            return null;
        }
        IReadOnlyList<UserPlacement> placements = state.Placements;
        if (placementLists.Count < MaxSharedPlacementLists)
        {
            placements = placementLists.GetOrAdd(placements, placements);
        }
        return (state.SubscriptionToken, new SubscriptionEntry(reader.GetString(1), state, placements, reader.GetInt64(3), reader.GetInt64(4)));
    }
}
