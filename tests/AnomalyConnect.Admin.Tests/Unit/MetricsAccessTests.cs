using System.Text;
using AnomalyConnect.Api.Metrics;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("prom:s3cret", true)]
    [InlineData("prom:s3cre", false)]
    [InlineData("Prom:s3cret", false)]
    [InlineData("prom", false)]
    [InlineData("prom:s3cret:extra", false)]
    public void BasicCredentialsMatch_WhenGivenAHeader_ComparesUserAndPassword(string credentials, bool expected) =>
        Assert.Equal(expected, MetricsAccess.BasicCredentialsMatch("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)), "prom", "s3cret"));

    [Theory]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!")]
    public void BasicCredentialsMatch_WhenTheHeaderIsNotBasic_Refuses(string header) =>
        Assert.False(MetricsAccess.BasicCredentialsMatch(header, "prom", "s3cret"));

    [Theory]
    [InlineData("/webhooks/yookassa", "yookassa")]
    [InlineData("/webhooks/hr-events", "hr-events")]
    [InlineData("unmatched", "unknown")]
    public void WebhookName_WhenGivenARoute_NamesTheWebhook(string route, string expected) =>
        Assert.Equal(expected, HttpMetricsMiddleware.WebhookName(route));
}
