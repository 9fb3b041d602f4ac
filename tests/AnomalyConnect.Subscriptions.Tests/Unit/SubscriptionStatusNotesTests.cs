using AnomalyConnect.Api.Apis.Subscriptions;
using AnomalyConnect.Contracts.Subscriptions;
using AnomalyConnect.Contracts.Users;

namespace AnomalyConnect.Subscriptions.Tests.Unit;

public sealed class SubscriptionStatusNotesTests
{
    [Fact]
    public void For_WhenTheUserMayConnect_IsNull()
    {
        Assert.Null(SubscriptionStatusNotes.For(Samples.User(expiresAt: Samples.Now.AddDays(1), limit: 100, used: 99), DeviceDecision.Allowed, Samples.Now));
        Assert.Null(SubscriptionStatusNotes.For(Samples.User(UserStatus.OnHold), DeviceDecision.NoDevice, Samples.Now));
    }

    [Fact]
    public void For_WhenTheDeviceIsOverTheLimit_SaysHowToFreeASlot()
    {
        var note = SubscriptionStatusNotes.For(Samples.User(deviceLimit: 3), DeviceDecision.OverLimit, Samples.Now);

        Assert.Equal("Device limit reached (3 of 3) — remove a device in the bot", note);
    }

    [Fact]
    public void For_WhenTheUserIsDisabled_SaysSoBeforeTheDeviceLimit()
    {
        var note = SubscriptionStatusNotes.For(Samples.User(UserStatus.Disabled, deviceLimit: 1), DeviceDecision.OverLimit, Samples.Now);

        Assert.Equal("Access is disabled — contact support", note);
    }

    [Fact]
    public void For_WhenTheTermIsOverButTheExpiryTimerHasNotFiredYet_SaysExpiredWithTheDate()
    {
        var note = SubscriptionStatusNotes.For(Samples.User(UserStatus.Active, expiresAt: Samples.Now.AddMinutes(-1)), DeviceDecision.Allowed, Samples.Now);

        Assert.Equal("Subscription expired on 2025-06-01 — renew in the bot", note);
    }

    [Fact]
    public void For_WhenTheTrafficLimitIsUsedUp_SaysSo()
    {
        Assert.Equal(
            "Traffic limit reached — renew in the bot or wait for the reset",
            SubscriptionStatusNotes.For(Samples.User(UserStatus.Active, limit: 100, used: 100), DeviceDecision.Allowed, Samples.Now));
        Assert.NotNull(SubscriptionStatusNotes.For(Samples.User(UserStatus.Limited), DeviceDecision.Allowed, Samples.Now));
    }
}
