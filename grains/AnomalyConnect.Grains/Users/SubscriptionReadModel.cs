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
/// A read that started before a change committed can finish after its notification was handled; every
/// notification therefore stamps its user with a sequence number, and a read keeps its copy only if its user was
/// not stamped after the read began. Stamps live two sweeps (at least <see cref="StampLifetime"/>); a read that
/// takes longer keeps nothing.
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

    private readonly ConcurrentDictionary<string, SubscriptionEntry> byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> tokenByUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> stamps = new(StringComparer.Ordinal);

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

    public async ValueTask<UserView?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }
        wanted.TrySetResult();
        if (live && byToken.TryGetValue(token, out var known))
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
        foreach (var item in payload.Split(','))
        {
            var parts = item.Split(':');
            if (parts.Length == 3 && long.TryParse(parts[1], out var upload) && long.TryParse(parts[2], out var download))
            {
                UsageChanged(parts[0], upload, download);
            }
            else
            {
                Changed([item]);
            }
        }
    }

    /// <summary>These users changed (a turn of this process, or a notification): their copies go.</summary>
    public void Changed(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            stamps[userId] = Interlocked.Increment(ref sequence);
            if (tokenByUser.TryRemove(userId, out var token))
            {
                byToken.TryRemove(token, out _);
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
        while (await reader.ReadAsync(cancellationToken) && live && byToken.Count < MaxEntries)
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
        var below = Interlocked.Exchange(ref previousSweepMark, Interlocked.Read(ref sequence));
        Volatile.Write(ref sweptBelow, below);
        foreach (var (userId, stamp) in stamps)
        {
            if (stamp <= below)
            {
                stamps.TryRemove(new KeyValuePair<string, long>(userId, stamp));
            }
        }
    }

    private void UsageChanged(string userId, long upload, long download)
    {
        stamps[userId] = Interlocked.Increment(ref sequence);
        if (tokenByUser.TryGetValue(userId, out var token) && byToken.TryGetValue(token, out var copy)
            && !byToken.TryUpdate(token, copy.WithUsage(upload, download), copy))
        {
            // Replaced meanwhile by a read: the stamp above makes that read drop its own copy; drop this one too.
            byToken.TryRemove(token, out _);
        }
    }

    private void Keep(string token, SubscriptionEntry user, long startSequence, long startGeneration)
    {
        if (byToken.Count >= MaxEntries)
        {
            DropAll();
        }
        // A revoked token's old copy is replaced by the new token's when the user is read again.
        if (tokenByUser.TryGetValue(user.UserId, out var previous) && previous != token)
        {
            byToken.TryRemove(previous, out _);
        }
        byToken[token] = user;
        tokenByUser[user.UserId] = token;
        // Checked after storing, so a notification handled at any moment is either seen here or drops the copy itself.
        var stale = startSequence < Volatile.Read(ref sweptBelow)
            || (stamps.TryGetValue(user.UserId, out var stamp) && stamp > startSequence)
            || Interlocked.Read(ref generation) != startGeneration;
        if (stale)
        {
            byToken.TryRemove(new KeyValuePair<string, SubscriptionEntry>(token, user));
            tokenByUser.TryRemove(new KeyValuePair<string, string>(user.UserId, token));
        }
    }

    private void DropAll()
    {
        Interlocked.Increment(ref generation);
        byToken.Clear();
        tokenByUser.Clear();
    }

    private async Task<(string Token, SubscriptionEntry Entry)?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectUsersByToken + " AND i.index_value = $1");
        command.Parameters.Add(new() { Value = token });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? EntryOf(reader) : null;
    }

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
