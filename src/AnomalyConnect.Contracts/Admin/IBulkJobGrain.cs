using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Admin;

/// <summary>
/// A bulk action on the users a filter matches (key: job id). Its turns page through the users in key order and
/// queue one change per user through the outbox, so a restart resumes where it was and no user is changed twice.
/// </summary>
public interface IBulkJobGrain : IGrain
{
    /// <summary>Starts the job; starting an existing job again returns it unchanged.</summary>
    Task<BulkJobView> StartAsync(BulkJobRequest request, Actor actor);

    /// <summary>The job's progress, or null when there is no such job.</summary>
    Task<BulkJobView?> GetAsync();

    /// <summary>Records what happened to one user; a repeated report for the same user changes nothing (false).</summary>
    Task<bool> RecordResultAsync(string userId, BulkItemOutcome outcome);
}
