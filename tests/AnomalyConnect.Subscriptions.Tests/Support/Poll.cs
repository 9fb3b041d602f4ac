namespace AnomalyConnect.Subscriptions.Tests.Support;

/// <summary>Polls, boundedly, for a value that a background writer of the silo produces.</summary>
internal static class Poll
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
