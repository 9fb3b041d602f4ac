namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>Scrapes /metrics and reads values out of what the strict parser accepted.</summary>
internal static class Metrics
{
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}: {text}");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return PrometheusParser.Parse(text);
    }

    /// <summary>The sum over the series of <paramref name="name"/> that carry all of <paramref name="labels"/>.</summary>
    public static double Sum(this IReadOnlyList<PrometheusSample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Has(l.Label, l.Value))).Sum(s => s.Value);
}
