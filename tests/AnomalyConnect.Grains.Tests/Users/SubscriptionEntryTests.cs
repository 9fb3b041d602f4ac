using AnomalyConnect.Contracts.Users;
using AnomalyConnect.Grains.Users;

namespace AnomalyConnect.Grains.Tests.Users;

public sealed class SubscriptionEntryTests
{
    private static readonly UserPlacement[] Placements = [new(NodeProtocol.Vless, "node-1"), new(NodeProtocol.Hysteria2, "node-2")];

    [Fact]
    public void ToView_WhenBuiltFromAState_ShowsWhatTheUsersViewShowsWithoutPersonalDetails()
    {
        var state = SampleState("6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d5e6f");
        var expected = UserViews.Of("u-1", state, (123, 456)) with
        {
            TelegramId = null,
            Username = null,
            DisplayName = null,
            Email = null,
            EmployeeId = null,
        };

        var view = new SubscriptionEntry("u-1", state, state.Placements, 123, 456).ToView(state.SubscriptionToken);

        Assert.Equal(expected with { Placements = [] }, view with { Placements = [] });
        Assert.Equal(Placements, view.Placements);
    }

    [Theory]
    [InlineData("6F1C2D4E-8A9B-4C3D-9E1F-0A2B3C4D5E6F")]
    [InlineData("{6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d5e6f}")]
    [InlineData("not-a-uuid")]
    public void ToView_WhenTheUuidIsNotInCanonicalForm_GivesItBackAsWritten(string uuid)
    {
        var state = SampleState(uuid);

        var view = new SubscriptionEntry("u-1", state, state.Placements, 0, 0).ToView(state.SubscriptionToken);

        Assert.Equal(uuid, view.Credentials.VlessUuid);
    }

    [Fact]
    public void WithUsage_TakesTheNewUsageAndKeepsEverythingElse()
    {
        var state = SampleState("6f1c2d4e-8a9b-4c3d-9e1f-0a2b3c4d5e6f");
        var entry = new SubscriptionEntry("u-1", state, state.Placements, 1, 2);

        var updated = entry.WithUsage(10_000_000_000, 20);

        Assert.Equal(entry.ToView("t") with { UsedUploadBytes = 10_000_000_000, UsedDownloadBytes = 20, Placements = [] },
            updated.ToView("t") with { Placements = [] });
        Assert.Same(entry.Placements, updated.Placements);
        Assert.Equal((1L, 2L), (entry.UsedUploadBytes, entry.UsedDownloadBytes));
    }

    private static UserState SampleState(string vlessUuid) => new()
    {
        Status = UserStatus.OnHold,
        DisabledReason = "reason kept",
        CreatedAt = new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero),
        OnHoldDays = 7,
        TrafficLimitBytes = 50_000_000_000,
        ResetStrategy = TrafficResetStrategy.MonthRolling,
        VlessUuid = vlessUuid,
        Hysteria2Auth = "h2AuthSecretValue0123456789abcdef",
        SubscriptionToken = "Token0123456789abcdefghijABCDEFGH",
        Placements = [.. Placements],
        TelegramId = 42,
        Username = "someone",
        EmployeeId = "E-7",
        DisplayName = "Some One",
        Email = "someone@example.com",
        DeviceLimit = 3,
    };
}
