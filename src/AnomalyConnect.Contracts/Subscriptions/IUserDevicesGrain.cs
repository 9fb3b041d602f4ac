using AnomalyConnect.Contracts.Runtime;

namespace AnomalyConnect.Contracts.Subscriptions;

/// <summary>The devices a user fetches the subscription from (keyed by user id), and the user's recent fetches.</summary>
public interface IUserDevicesGrain : IGrain
{
    /// <summary>Records a fetch; a new device beyond the limit is refused, a known device always passes.</summary>
    Task<DeviceDecision> RegisterFetchAsync(DeviceFetch fetch);

    /// <summary>The user's devices, most recently seen first.</summary>
    Task<IReadOnlyList<UserDevice>> ListAsync();

    /// <summary>Forgets a device so that its slot is free; false when there was no such device.</summary>
    Task<bool> RemoveAsync(string hwid);

    /// <summary>The latest subscription fetches (at most 50), newest first.</summary>
    Task<IReadOnlyList<SubscriptionFetch>> RecentFetchesAsync();
}
