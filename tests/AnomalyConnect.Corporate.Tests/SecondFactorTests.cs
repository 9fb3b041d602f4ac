using System.Net;
using System.Text.Json.Nodes;
using AnomalyConnect.Contracts.Audit;
using AnomalyConnect.Contracts.Corporate;
using AnomalyConnect.Corporate.Tests.Support;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Corporate.Tests;

/// <summary>
/// The Telegram second factor with CORPORATE_CONFIG_REQUIRES_APPROVAL: activation codes link the account, and configs
/// leave only after that account approved the request. The bot's side (<see cref="ICorporateAccess"/>) is called here
/// through the grains in the test process, at a time the test shifts; the silo fires the timers.
/// </summary>
public sealed class SecondFactorTests(ApprovalRequiredSiloFixture fixture) : IClassFixture<ApprovalRequiredSiloFixture>
{
    private CorporateSilo Silo => fixture.Silo;

    private ICorporateAccess Access => Silo.Grains.Access;

    [Fact]
    public async Task Grant_BehindApproval_HandsOutAnActivationCodeButNoConfig()
    {
        var grant = await Silo.GrantOkAsync(new { employee_id = "S-grant" });

        Assert.Matches("^[a-z2-9]{26}$", grant["activation_code"]!.GetValue<string>());
        Assert.Null(grant["vless_url"]);
        Assert.Null(grant["hy2_url"]);
        Assert.Null(grant["subscription_url"]);
    }

    [Fact]
    public async Task ActivationCode_IsSingleUseExpiresAfterADayAndIsReplacedByTheNextGrant()
    {
        var grant = await Silo.GrantOkAsync(new { employee_id = "S-act", full_name = "Grace Hopper", email = "grace@corp.example" });
        var userId = grant["user_id"]!.GetValue<string>();
        var code = grant["activation_code"]!.GetValue<string>();

        Silo.Grains.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        Assert.Equal(ActivationOutcome.Expired, await Access.RedeemActivationCodeAsync(code, 5001, CancellationToken.None));
        Silo.Grains.Clock.Offset = TimeSpan.Zero;

        Assert.Equal(ActivationOutcome.Linked, await Access.RedeemActivationCodeAsync(code.ToUpperInvariant(), 5001, CancellationToken.None));
        var user = await Silo.UserAsync(userId);
        Assert.Equal(5001, user["telegram_id"]!.GetValue<long>());
        Assert.Equal("S-act", user["employee_id"]!.GetValue<string>());
        Assert.Equal("active", user["status"]!.GetValue<string>());
        var linked = await Silo.Database.ScalarAsync<string>(
            "SELECT concat_ws('|', state->>'display_name', state->>'email') FROM grain_state WHERE grain_type = 'user' AND grain_key = $1", userId);
        Assert.Equal("Grace Hopper|grace@corp.example", linked);

        Assert.Equal(ActivationOutcome.AlreadyUsed, await Access.RedeemActivationCodeAsync(code, 5001, CancellationToken.None));
        Assert.Equal(ActivationOutcome.AlreadyUsed, await Access.RedeemActivationCodeAsync(code, 5002, CancellationToken.None));
        Assert.Equal(ActivationOutcome.Unknown, await Access.RedeemActivationCodeAsync("not-a-code", 5001, CancellationToken.None));
        Assert.Equal(ActivationOutcome.Unknown, await Access.RedeemActivationCodeAsync(new string('a', 26), 5001, CancellationToken.None));

        var regrant = await Silo.GrantOkAsync(new { employee_id = "S-act" });
        Assert.Equal(userId, regrant["user_id"]!.GetValue<string>());
        Assert.Equal(ActivationOutcome.Unknown, await Access.RedeemActivationCodeAsync(code, 5001, CancellationToken.None));

        // A Telegram account already linked to another user is refused, and the code stays usable.
        var other = await Silo.GrantOkAsync(new { employee_id = "S-act-2" });
        var otherCode = other["activation_code"]!.GetValue<string>();
        Assert.Equal(ActivationOutcome.TelegramInUse, await Access.RedeemActivationCodeAsync(otherCode, 5001, CancellationToken.None));
        Assert.Equal(ActivationOutcome.Linked, await Access.RedeemActivationCodeAsync(otherCode, 5003, CancellationToken.None));

        // The code itself is stored nowhere: only its hash.
        Assert.Equal(0, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE state::text LIKE '%' || $1 || '%'", code));
        Assert.Equal(0, await Silo.CountAsync("SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || $1 || '%'", code));
        var audit = await Silo.AuditAsync("employee", "S-act");
        var linkedEntry = audit.Single(e => e["action"]!.GetValue<string>() == "employee.telegram_linked");
        Assert.Equal(("telegram", "5001"), (linkedEntry["actor"]!["kind"]!.GetValue<string>(), linkedEntry["actor"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Config_BehindApproval_IsPendingUntilTheLinkedAccountApprovesIt()
    {
        var userId = (await Silo.GrantOkAsync(new { employee_id = "S-cfg", telegram_id = 6001 }))["user_id"]!.GetValue<string>();

        var response = await Silo.Corporate.GetAsync($"/user/{userId}/config");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pending = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var requestId = pending["request_id"]!.GetValue<string>();
        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        Assert.InRange(pending["expires_at"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5.1));
        Assert.Equal($"/user/{userId}/config?request_id={requestId}", response.Headers.Location?.OriginalString);
        var prompt = JsonNode.Parse(await Silo.Database.ScalarAsync<string>(
            "SELECT payload::text FROM outbox WHERE kind = 'corporate.approval-request' AND payload->>'request_id' = $1", requestId))!;
        Assert.Equal((userId, 6001L, "http"), (prompt["user_id"]!.GetValue<string>(), prompt["telegram_id"]!.GetValue<long>(), prompt["channel"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Accepted, (await Silo.Corporate.GetAsync($"/user/{userId}/config?request_id={requestId}")).StatusCode);
        Assert.Equal(ConfigRequestState.Pending, await Access.DecideAsync(requestId, 6999, approve: true, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Accepted, (await Silo.Corporate.GetAsync($"/user/{userId}/config?request_id={requestId}")).StatusCode);

        Assert.Equal(ConfigRequestState.Approved, await Access.DecideAsync(requestId, 6001, approve: true, CancellationToken.None));
        Assert.Equal(ConfigRequestState.Approved, await Access.DecideAsync(requestId, 6001, approve: false, CancellationToken.None));
        response = await Silo.Corporate.GetAsync($"/user/{userId}/config?request_id={requestId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var config = JsonNode.Parse(text)!;
        Assert.Equal(userId, config["user_id"]!.GetValue<string>());
        Assert.StartsWith($"{CorporateSilo.AppUrl}/sub/", config["subscription_url"]!.GetValue<string>(), StringComparison.Ordinal);
        var qr = await Silo.Corporate.GetAsync($"/user/{userId}/qr.png?request_id={requestId}");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);

        var audit = await Silo.AuditAsync("config_request", requestId);
        Assert.Equal(
            ["config_request.decision_refused", "config_request.approved", "config_request.decision_refused", "config_request.opened"],
            audit.Select(e => e["action"]!.GetValue<string>()).ToArray());
        Assert.Equal(("corporate_api", "127.0.0.1"), (audit[^1]["actor"]!["kind"]!.GetValue<string>(), audit[^1]["actor"]!["address"]!.GetValue<string>()));
        Assert.Equal("6999", audit[^2]["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("6001", audit[^3]["actor"]!["id"]!.GetValue<string>());
        Assert.Contains(await Silo.AuditAsync("user", userId), e => e["action"]!.GetValue<string>() == "user.config_fetched" && e["details"]!["request_id"]!.GetValue<string>() == requestId);
    }

    [Fact]
    public async Task Config_WhenTheRequestWasDenied_Is403()
    {
        var userId = (await Silo.GrantOkAsync(new { employee_id = "S-deny", telegram_id = 6101 }))["user_id"]!.GetValue<string>();
        var requestId = (await Access.RequestConfigAsync(userId, "telegram", Actor.Telegram(6101), CancellationToken.None))!.RequestId;

        Assert.Equal(ConfigRequestState.Denied, await Access.DecideAsync(requestId, 6101, approve: false, CancellationToken.None));

        await CorporateApiInputTests.AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{userId}/config?request_id={requestId}"), HttpStatusCode.Forbidden, "denied");
        await CorporateApiInputTests.AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{userId}/qr.png?request_id={requestId}"), HttpStatusCode.Forbidden, "denied");
        Assert.Equal(ConfigRequestState.Denied, await Access.DecideAsync(requestId, 6101, approve: true, CancellationToken.None));
    }

    [Fact]
    public async Task ConfigRequest_WhenItsTimerFires_ExpiresAndCanNoLongerBeApproved()
    {
        var userId = (await Silo.GrantOkAsync(new { employee_id = "S-expire", telegram_id = 6201 }))["user_id"]!.GetValue<string>();

        // Opened five minutes and two seconds ago: its expiry timer is already due, and the silo's sweep fires it.
        Silo.Grains.Clock.Offset = -(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        var request = (await Access.RequestConfigAsync(userId, "telegram", Actor.Telegram(6201), CancellationToken.None))!;
        Silo.Grains.Clock.Offset = TimeSpan.Zero;
        Assert.True(await Eventually.TrueAsync(
            async () => (await Silo.AuditAsync("config_request", request.RequestId)).Any(e => e["action"]!.GetValue<string>() == "config_request.expired"),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250)), "the expiry timer did not fire");

        var expired = (await Silo.AuditAsync("config_request", request.RequestId)).Single(e => e["action"]!.GetValue<string>() == "config_request.expired");
        Assert.Equal("system", expired["actor"]!["kind"]!.GetValue<string>());
        Assert.Equal(ConfigRequestState.Expired, (await Access.GetRequestAsync(request.RequestId, CancellationToken.None))!.State);
        Assert.Equal(ConfigRequestState.Expired, await Access.DecideAsync(request.RequestId, 6201, approve: true, CancellationToken.None));
        await CorporateApiInputTests.AssertProblemAsync(
            await Silo.Corporate.GetAsync($"/user/{userId}/config?request_id={request.RequestId}"), HttpStatusCode.Forbidden, "expired");
    }

    [Fact]
    public async Task Config_WithoutALinkedTelegramAccount_Is403AndOpensNoRequest()
    {
        var userId = (await Silo.GrantOkAsync(new { employee_id = "S-unlinked" }))["user_id"]!.GetValue<string>();
        var before = await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'config-request'");

        await CorporateApiInputTests.AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{userId}/config"), HttpStatusCode.Forbidden, "Telegram");
        Assert.Null(await Access.RequestConfigAsync(userId, "telegram", Actor.Telegram(1), CancellationToken.None));
        Assert.Equal(before, await Silo.CountAsync("SELECT count(*) FROM grain_state WHERE grain_type = 'config-request'"));
    }

    [Fact]
    public async Task Config_WithAnUnknownOrAnotherUsersRequest_Is404()
    {
        var mine = (await Silo.GrantOkAsync(new { employee_id = "S-mine", telegram_id = 6301 }))["user_id"]!.GetValue<string>();
        var theirs = (await Silo.GrantOkAsync(new { employee_id = "S-theirs", telegram_id = 6302 }))["user_id"]!.GetValue<string>();
        var theirRequest = (await Access.RequestConfigAsync(theirs, "telegram", Actor.Telegram(6302), CancellationToken.None))!.RequestId;
        Assert.Equal(ConfigRequestState.Approved, await Access.DecideAsync(theirRequest, 6302, approve: true, CancellationToken.None));

        await CorporateApiInputTests.AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{mine}/config?request_id={theirRequest}"), HttpStatusCode.NotFound, "no config request");
        await CorporateApiInputTests.AssertProblemAsync(await Silo.Corporate.GetAsync($"/user/{mine}/config?request_id=cr_nothing"), HttpStatusCode.NotFound, "no config request");
        Assert.Equal(ConfigRequestState.Expired, await Access.DecideAsync("cr_nothing", 6301, approve: true, CancellationToken.None));
    }
}
