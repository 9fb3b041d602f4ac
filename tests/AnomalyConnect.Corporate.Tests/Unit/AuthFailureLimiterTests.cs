using AnomalyConnect.Api.Apis.Corporate;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Corporate.Tests.Unit;

public sealed class AuthFailureLimiterTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsLimited_AfterMaxFailuresWithinTheWindow_IsTrueUntilTheOldestAgesOut()
    {
        var limiter = new AuthFailureLimiter(clock);
        for (var i = 0; i < AuthFailureLimiter.MaxFailures; i++)
        {
            Assert.False(limiter.IsLimited("198.51.100.7", out _));
            limiter.RecordFailure("198.51.100.7");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(limiter.IsLimited("198.51.100.7", out var retryAfter));
        Assert.Equal(AuthFailureLimiter.Window - TimeSpan.FromSeconds(AuthFailureLimiter.MaxFailures), retryAfter);
        Assert.False(limiter.IsLimited("198.51.100.8", out _));

        clock.Advance(retryAfter);
        Assert.False(limiter.IsLimited("198.51.100.7", out _));
    }

    [Fact]
    public void IsLimited_WhenFailuresAreSpreadBeyondTheWindow_IsFalse()
    {
        var limiter = new AuthFailureLimiter(clock);
        for (var i = 0; i < AuthFailureLimiter.MaxFailures * 3; i++)
        {
            limiter.RecordFailure("203.0.113.9");
            clock.Advance(AuthFailureLimiter.Window / (AuthFailureLimiter.MaxFailures - 1));
        }

        Assert.False(limiter.IsLimited("203.0.113.9", out _));
    }
}
