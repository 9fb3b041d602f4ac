using System.Net.Http.Headers;
using System.Text;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>
/// While a webhook is set, POSTs pending updates to it one at a time, in order, with the secret header; an update
/// leaves the queue only on a 2xx answer, otherwise it is retried after a short pause, as Telegram does.
/// </summary>
internal sealed class FakeTelegramWebhookPusher : IAsyncDisposable
{
    private readonly FakeTelegramUpdateQueue queue;
    private readonly TimeProvider clock;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public FakeTelegramWebhookPusher(FakeTelegramUpdateQueue queue, TimeProvider clock)
    {
        this.queue = queue;
        this.clock = clock;
        loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting.
        }
        http.Dispose();
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var pause = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            var changed = queue.Changed;
            if (queue.NextForWebhook() is not { } next)
            {
                await changed.WaitAsync(stopping.Token);
                continue;
            }
            var error = await PushAsync(next.Url, next.Secret, next.Update.ToJsonString());
            if (error is null)
            {
                queue.WebhookDelivered(next.UpdateId);
                pause = TimeSpan.FromMilliseconds(100);
                continue;
            }
            queue.WebhookFailed(error, clock.GetUtcNow().ToUnixTimeSeconds());
            await Task.Delay(pause, stopping.Token);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private async Task<string?> PushAsync(string url, string? secret, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try
        {
            using var response = await http.SendAsync(request, stopping.Token);
            return response.IsSuccessStatusCode
                ? null
                : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return "Connection failed: " + e.Message;
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            return "Read timeout expired";
        }
    }
}
