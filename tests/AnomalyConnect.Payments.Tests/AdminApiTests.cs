using System.Net;
using System.Text;
using AnomalyConnect.Contracts.Payments;
using AnomalyConnect.Payments.Tests.Support;

namespace AnomalyConnect.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class AdminApiTests(PaymentsFixture f)
{
    [Fact]
    public async Task Tariffs_CreateListReplaceArchive_AreAuditedAndListedAsTheyAre()
    {
        var created = await f.Admin.PostAsync("/admin/api/tariffs", new
        {
            tariff_id = "t-" + Guid.NewGuid().ToString("N")[..8],
            title = "Quarter",
            days = 90,
            traffic_limit_gb = 200,
            device_limit = 5,
            price_rub = 499.90m,
            price_stars = 250,
        }, HttpStatusCode.Created);
        var id = created["tariff_id"]!.GetValue<string>();

        var replaced = await f.Admin.PutAsync($"/admin/api/tariffs/{id}", new { title = "Quarter+", days = 92, price_rub = 449m, price_stars = 200 });
        var archived = await f.Admin.PostAsync($"/admin/api/tariffs/{id}/archive");
        var onSale = await f.Admin.GetAsync("/admin/api/tariffs");
        var all = await f.Admin.GetAsync("/admin/api/tariffs?include_archived=true");

        Assert.Equal(200L * 1024 * 1024 * 1024, created["traffic_limit_bytes"]!.GetValue<long>());
        Assert.Equal(499.90m, created["price_rub"]!.GetValue<decimal>());
        Assert.Equal(("Quarter+", 92), ((string?)replaced["title"], replaced["days"]!.GetValue<int>()));
        Assert.Null(replaced["traffic_limit_bytes"]);
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.DoesNotContain(onSale["tariffs"]!.AsArray(), t => (string?)t!["tariff_id"] == id);
        Assert.Contains(all["tariffs"]!.AsArray(), t => (string?)t!["tariff_id"] == id);
        Assert.Equal(1, await f.AuditCountAsync("tariff", id, "tariff.created"));
        Assert.Equal(1, await f.AuditCountAsync("tariff", id, "tariff.updated"));
        Assert.Equal(1, await f.AuditCountAsync("tariff", id, "tariff.archived"));
        var buy = await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment((await f.NewUserAsync()).UserId, id, PaymentProvider.Telegram));
        Assert.Equal(PaymentOutcome.Invalid, buy.Outcome);
    }

    [Fact]
    public async Task PromoCodes_CreateReplaceArchive_KeepTheUsesAndAreAudited()
    {
        var code = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await f.Admin.PostAsync("/admin/api/promo-codes", new
        {
            code = code.ToLowerInvariant(),
            kind = "percent_discount",
            value = 15,
            max_uses = 10,
            valid_until = DateTimeOffset.UtcNow.AddDays(30),
        }, HttpStatusCode.Created);
        var (userId, _) = await f.NewUserAsync();
        await f.Client.Payment(PaymentIds.New()).CreateAsync(new NewPayment(userId, await f.NewTariffAsync(), PaymentProvider.Telegram, code));

        var replaced = await f.Admin.PutAsync($"/admin/api/promo-codes/{code}", new { kind = "percent_discount", value = 20, max_uses = 5 });
        var archived = await f.Admin.PostAsync($"/admin/api/promo-codes/{code}/archive");
        var listed = await f.Admin.GetAsync("/admin/api/promo-codes?include_archived=true");

        Assert.Equal(code, (string?)created["code"]);
        Assert.True(created["once_per_user"]!.GetValue<bool>());
        Assert.Equal((20m, 5, 1), (replaced["value"]!.GetValue<decimal>(), replaced["max_uses"]!.GetValue<int>(), replaced["uses"]!.GetValue<int>()));
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.Contains(listed["promo_codes"]!.AsArray(), c => (string?)c!["code"] == code);
        Assert.Equal(1, await f.AuditCountAsync("promo-code", code, "promo.created"));
        Assert.Equal(1, await f.AuditCountAsync("promo-code", code, "promo.redeemed"));
        Assert.Equal(1, await f.AuditCountAsync("promo-code", code, "promo.archived"));
    }

    [Fact]
    public async Task Payments_ListedByUserAndStatus_AndRevenueCountsThem()
    {
        var telegramId = PaymentsFixture.NewTelegramId();
        var (userId, _) = await f.NewUserAsync(telegramId);
        var tariffId = await f.NewTariffAsync(priceRub: 321m, priceStars: 77);
        var before = await f.Admin.GetAsync("/admin/api/revenue");
        var paid = PaymentIds.New();
        await f.Client.Payment(paid).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Telegram));
        await f.Client.Payment(paid).MarkSucceededAsync(new ProviderConfirmation("rev-" + paid, 321m, "RUB"));
        var stars = PaymentIds.New();
        await f.Client.Payment(stars).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Stars));
        await f.Client.Payment(stars).MarkSucceededAsync(new ProviderConfirmation("rev-" + stars, 77, "XTR"));
        var pending = PaymentIds.New();
        await f.Client.Payment(pending).CreateAsync(new NewPayment(userId, tariffId, PaymentProvider.Telegram));

        var all = await f.Admin.GetAsync($"/admin/api/payments?user_id={userId}");
        var succeeded = await f.Admin.GetAsync($"/admin/api/payments?user_id={userId}&status=succeeded&page=1&page_size=10");
        var after = await f.Admin.GetAsync("/admin/api/revenue");

        Assert.Equal([pending, stars, paid], all["payments"]!.AsArray().Select(p => (string)p!["payment_id"]!));
        Assert.Equal(2, succeeded["payments"]!.AsArray().Count);
        Assert.Equal(321m, after["month_rub"]!.GetValue<decimal>() - before["month_rub"]!.GetValue<decimal>());
        Assert.Equal(321m, after["today_rub"]!.GetValue<decimal>() - before["today_rub"]!.GetValue<decimal>());
        Assert.Equal(77, after["month_stars"]!.GetValue<long>() - before["month_stars"]!.GetValue<long>());
        Assert.Equal(321m, after["month_rub_by_tariff"]![tariffId]!.GetValue<decimal>());
        Assert.True(after["month_by_provider"]!["telegram"]!.GetValue<decimal>() >= 321m);
    }

    public static TheoryData<string, string, string?, HttpStatusCode> BadRequests => new()
    {
        { "POST", "/admin/api/tariffs", "{}", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", """{"title":"x","days":-1,"price_rub":10}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", """{"title":"x","days":30,"price_rub":0}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", """{"title":"x","days":30,"price_rub":10,"colour":"red"}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", """{"title":"x","days":"thirty","price_rub":10}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", "{not json", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/tariffs", """{"tariff_id":"has space","title":"x","days":30,"price_rub":10}""", HttpStatusCode.BadRequest },
        { "PUT", "/admin/api/tariffs/no-such-tariff", """{"title":"x","days":30,"price_rub":10}""", HttpStatusCode.NotFound },
        { "POST", "/admin/api/tariffs/no-such-tariff/archive", null, HttpStatusCode.NotFound },
        { "GET", "/admin/api/tariffs/no-such-tariff", null, HttpStatusCode.NotFound },
        { "POST", "/admin/api/promo-codes", """{"code":"ABCD"}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/promo-codes", """{"code":"ABCD","kind":"everything_free"}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/promo-codes", """{"code":"AB","kind":"percent_discount","value":10}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/promo-codes", """{"code":"ABCDE","kind":"percent_discount","value":150}""", HttpStatusCode.BadRequest },
        { "POST", "/admin/api/promo-codes", """{"code":"ABCDE","kind":"percent_discount","value":10,"tariff_ids":["no-such-tariff"]}""", HttpStatusCode.BadRequest },
        { "PUT", "/admin/api/promo-codes/NOSUCHCODE", """{"kind":"percent_discount","value":10}""", HttpStatusCode.NotFound },
        { "POST", "/admin/api/promo-codes/NOSUCHCODE/archive", null, HttpStatusCode.NotFound },
        { "GET", "/admin/api/payments?status=paid", null, HttpStatusCode.BadRequest },
        { "GET", "/admin/api/payments?page=0", null, HttpStatusCode.BadRequest },
        { "GET", "/admin/api/payments?page_size=100000", null, HttpStatusCode.BadRequest },
        { "GET", "/admin/api/payments?page=two", null, HttpStatusCode.BadRequest },
        { "GET", "/admin/api/payments/pNoSuchPayment", null, HttpStatusCode.NotFound },
        { "POST", "/admin/api/payments/pNoSuchPayment/refund", null, HttpStatusCode.NotFound },
        { "POST", "/webhooks/yookassa", "", HttpStatusCode.BadRequest },
        { "POST", "/webhooks/yookassa", "{not json", HttpStatusCode.BadRequest },
        { "POST", "/webhooks/yookassa", """{"type":"payment","event":"payment.succeeded","object":{"id":"x"}}""", HttpStatusCode.BadRequest },
        { "POST", "/webhooks/yookassa", """{"type":"notification","event":"payment.succeeded","object":{}}""", HttpStatusCode.BadRequest },
        { "POST", "/webhooks/yookassa", "{\"type\":\"notification\",\"pad\":\"" + new string('x', 70_000) + "\"}", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_OnEveryEndpoint_IsA4xxProblem(string method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await f.Admin.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/admin/api/tariffs")]
    [InlineData("POST", "/admin/api/promo-codes")]
    [InlineData("GET", "/admin/api/payments")]
    [InlineData("POST", "/admin/api/payments/pAny/refund")]
    [InlineData("GET", "/admin/api/revenue")]
    public async Task AdminEndpoints_WithoutTheToken_Are401Problems(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = f.Silo.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_OfAnExistingTariffOrCode_IsAConflict()
    {
        var tariffId = await f.NewTariffAsync();
        var code = "DUP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await f.Admin.PostAsync("/admin/api/promo-codes", new { code, kind = "bonus_days", days = 3 }, HttpStatusCode.Created);

        await f.Admin.PostAsync("/admin/api/tariffs", new { tariff_id = tariffId, title = "x", days = 1, price_rub = 1 }, HttpStatusCode.Conflict);
        await f.Admin.PostAsync("/admin/api/promo-codes", new { code, kind = "bonus_days", days = 3 }, HttpStatusCode.Conflict);
    }
}
