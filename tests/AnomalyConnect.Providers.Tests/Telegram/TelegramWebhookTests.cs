using System.Collections.Concurrent;
using System.Text.Json;
using AnomalyConnect.Integrations.Telegram;
using AnomalyConnect.Testing;
using AnomalyConnect.Testing.Fakes;

namespace AnomalyConnect.Providers.Tests.Telegram;

public sealed class TelegramWebhookTests
{
    [Fact]
    public void Matches_WhenSecretIsEqual_IsTrue()
    {
        Assert.True(TelegramWebhookSecret.Matches("Abc_123-xyz", "Abc_123-xyz"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Abc_123-xy")]
    [InlineData("Abc_123-xyz0")]
    [InlineData("abc_123-xyz")]
    public void Matches_WhenSecretDiffersOrIsMissing_IsFalse(string? presented)
    {
        Assert.False(TelegramWebhookSecret.Matches(presented, "Abc_123-xyz"));
    }

    [Fact]
    public void Matches_WhenExpectedSecretIsEmpty_IsFalseEvenForEmptyHeader()
    {
        Assert.False(TelegramWebhookSecret.Matches(string.Empty, string.Empty));
    }

    [Fact]
    public void Generate_Always_GivesASecretTelegramAccepts()
    {
        var secret = TelegramWebhookSecret.Generate();

        Assert.Equal(64, secret.Length);
        Assert.True(TelegramWebhookSecret.IsValid(secret));
        Assert.False(TelegramWebhookSecret.IsValid("has space"));
    }

    [Fact]
    public async Task SetWebhook_WhenUpdatesQueued_PushesThemInOrderWithSecretRetryingFailures()
    {
        await using var t = TelegramHarness.Start();
        var secret = TelegramWebhookSecret.Generate();
        var received = new ConcurrentQueue<(bool SecretMatches, Update Update)>();
        var calls = 0;
        await using var receiver = FakeHttpServer.Start((request, _) =>
        {
            // The first delivery fails: Telegram keeps the update and tries again.
            if (Interlocked.Increment(ref calls) == 1)
            {
                return Task.FromResult(FakeHttpResponse.Text(500, "not yet"));
            }
            var update = JsonSerializer.Deserialize<Update>(request.Body, TelegramJson.Options)!;
            received.Enqueue((TelegramWebhookSecret.Matches(request.Header(TelegramWebhookSecret.HeaderName), secret), update));
            return Task.FromResult(FakeHttpResponse.Text(200, string.Empty));
        });
        var first = t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(1, "a"));
        var second = t.Server.EnqueueUpdate(FakeTelegramUpdates.Text(1, "b"));

        await t.Client.SetWebhookAsync(new Uri(receiver.BaseUrl, "/webhooks/telegram").AbsoluteUri, secret, TelegramUpdateTypes.Bot);

        var delivered = await Eventually.TrueAsync(() => Task.FromResult(received.Count == 2), TimeSpan.FromSeconds(5));
        Assert.True(delivered, $"received {received.Count}");
        Assert.Equal([first, second], received.Select(r => r.Update.UpdateId));
        Assert.All(received, r => Assert.True(r.SecretMatches));
        var info = await t.Client.GetWebhookInfoAsync();
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Equal(TelegramUpdateTypes.Bot, info.AllowedUpdates);
    }
}
