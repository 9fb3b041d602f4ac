using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AnomalyConnect.Testing;

namespace AnomalyConnect.Silo.Tests.Nodes;

/// <summary>The admin API refuses bad credentials and bad input with problem details, and changes nothing.</summary>
public sealed class AdminApiInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    public async Task AdminApi_WithoutTheRightToken_Is401ProblemDetails(string? authorization)
    {
        await using var bed = await NodeTestBed.StartAsync();
        using var http = new HttpClient { BaseAddress = bed.Silo.BaseAddress };
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (method, path) in new[] { ("GET", "/admin/api/nodes"), ("POST", "/admin/api/nodes"), ("GET", "/admin/api/users"), ("POST", "/admin/api/users"), ("POST", "/admin/api/users/x/disable") })
        {
            var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("{}") : null });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await bed.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }

    [Theory]
    [InlineData("""{"name":"x","region":"eu","address":"1.2.3.4","capacity":10,"xray":{"api_url":"http://1.2.3.4:10085","inbound_tag":"in","port":443,"security":"none"}}""", "id is required")]
    [InlineData("""{"id":"Bad Id!","name":"x","region":"eu","address":"1.2.3.4","capacity":10,"xray":{"api_url":"http://1.2.3.4:10085","inbound_tag":"in","port":443,"security":"none"}}""", "id must be")]
    [InlineData("""{"id":"n1","name":"x","region":"eu","address":"1.2.3.4","capacity":0,"xray":{"api_url":"http://1.2.3.4:10085","inbound_tag":"in","port":443,"security":"none"}}""", "capacity")]
    [InlineData("""{"id":"n1","name":"x","region":"eu","address":"1.2.3.4","capacity":10}""", "xray, hysteria2 or both")]
    [InlineData("""{"id":"n1","name":"x","region":"eu","address":"1.2.3.4","capacity":10,"xray":{"api_url":"ftp://x","inbound_tag":"in","port":443,"security":"none"}}""", "api_url")]
    [InlineData("""{"id":"n1","name":"x","region":"eu","address":"1.2.3.4","capacity":10,"xray":{"api_url":"http://1.2.3.4:10085","flavor":"clash","inbound_tag":"in","port":443,"security":"none"}}""", "flavor")]
    [InlineData("""{"id":"n1","name":"x","region":"eu","address":"1.2.3.4","capacity":10,"xray":{"api_url":"http://1.2.3.4:10085","inbound_tag":"in","port":443,"security":"reality"}}""", "reality")]
    [InlineData("""{"id":"n1","capacity":"ten"}""", "JSON")]
    [InlineData("""{"id":"n1","surprise":true}""", "JSON")]
    [InlineData("""{"id":"n1",""", "JSON")]
    [InlineData("""[1,2,3]""", "JSON")]
    public async Task RegisterNode_WithBadInput_Is400ProblemDetailsAndStoresNothing(string body, string expectedInDetail)
    {
        await using var bed = await NodeTestBed.StartAsync();

        var response = await bed.Admin.Http.PostAsync("/admin/api/nodes", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expectedInDetail, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await bed.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state"));
    }

    [Theory]
    [InlineData("""{"days":-1}""")]
    [InlineData("""{"days":"many"}""")]
    [InlineData("""{"traffic_limit_gb":1,"traffic_limit_bytes":5}""")]
    [InlineData("""{"reset_strategy":"hourly"}""")]
    [InlineData("""{"user_id":"has space"}""")]
    [InlineData("""{"device_limit":0}""")]
    public async Task CreateUser_WithBadInput_Is400ProblemDetailsAndStoresNothing(string body)
    {
        await using var bed = await NodeTestBed.StartAsync();

        var response = await bed.Admin.Http.PostAsync("/admin/api/users", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await bed.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE state IS NOT NULL"));
    }

    [Fact]
    public async Task RegisterNode_ThatDoesNotAnswer_IsAcceptedAndShownUnhealthy()
    {
        await using var bed = await NodeTestBed.StartAsync();

        await bed.Admin.PostAsync("/admin/api/nodes", new
        {
            id = "node-dead",
            name = "dead",
            region = "eu",
            address = "127.0.0.1",
            capacity = 10,
            xray = new { api_url = $"http://127.0.0.1:{FreePort.Next()}", flavor = "v2ray", inbound_tag = "vless-in", port = 443, security = "none" },
        });

        Assert.True(await Eventually.TrueAsync(
            async () => (await bed.Admin.GetAsync("/admin/api/nodes/node-dead"))["health"]!.GetValue<string>() == "unhealthy",
            TimeSpan.FromSeconds(10)));
        var node = await bed.Admin.GetAsync("/admin/api/nodes/node-dead");
        Assert.False(string.IsNullOrEmpty(node["last_error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnknownUserOrNode_Is404ProblemDetails()
    {
        await using var bed = await NodeTestBed.StartAsync();

        foreach (var path in new[] { "/admin/api/users/nobody", "/admin/api/nodes/nowhere" })
        {
            var response = await bed.Admin.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await bed.Admin.Http.PostAsync("/admin/api/users/nobody/extend", Json("""{"days":3}"""))).StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
