using AnomalyConnect.Contracts.Runtime;
using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Messages;
using AnomalyConnect.Grains.Runtime;

namespace AnomalyConnect.Grains.Nodes.Handlers;

/// <summary>Traffic moved a user past a threshold: the user grain decides what follows.</summary>
internal sealed class UserReviewHandler(IGrainFactory grains) : IOutboxHandler
{
    public string Kind => OutboxKinds.UserReview;

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken) =>
        grains.GetGrain<IUserGrain>(message.Read<UserReview>().UserId).ReviewUsageAsync();
}
