namespace AnomalyConnect.Bot.Sending;

/// <summary>
/// Telegram's flood control (or our own limits) would hold this call longer than the caller may wait. Nothing was sent;
/// an outbox delivery that throws this is retried later, and the limiter keeps every retry behind <c>retry_after</c>.
/// </summary>
public sealed class TelegramFloodWaitException(TimeSpan wait)
    : Exception($"Telegram flood control: the next call may go out in {wait.TotalSeconds:0.#} s.")
{
    public TimeSpan Wait { get; } = wait;
}
