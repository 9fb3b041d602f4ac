using System.Globalization;
using AnomalyConnect.Api.Admin.Markup;
using AnomalyConnect.Contracts.Admin;

namespace AnomalyConnect.Api.Admin.Pages;

/// <summary>Daily traffic as an inline SVG bar chart (no script, no library): one bar per UTC day, a tooltip on each.</summary>
public static class UsageChart
{
    private const int Width = 600;
    private const int Height = 160;
    private const int Top = 18;
    private const int Bottom = 20;

    public static Html Render(IReadOnlyList<DailyUsage> usage, DateOnly today, int days)
    {
        var byDay = usage.ToDictionary(u => u.Day, u => u.UploadBytes + u.DownloadBytes);
        var first = today.AddDays(1 - days);
        var values = Enumerable.Range(0, days).Select(i => (Day: first.AddDays(i), Bytes: byDay.GetValueOrDefault(first.AddDays(i)))).ToList();
        var max = Math.Max(1, values.Max(v => v.Bytes));
        var slot = (double)Width / days;
        var bars = values.Select((v, i) =>
        {
            var height = (Height - Top - Bottom) * (double)v.Bytes / max;
            return Html.Of(
                $"""<rect class="bar" x="{F(i * slot + 1)}" y="{F(Height - Bottom - height)}" width="{F(slot - 2)}" height="{F(height)}"><title>{v.Day:yyyy-MM-dd}: {AdminFormat.Bytes(v.Bytes)}</title></rect>""");
        });
        return Html.Of(
            $"""
            <svg class="chart" viewBox="0 0 {Width} {Height}" role="img" aria-label="Daily traffic, last {days} days, most {AdminFormat.Bytes(max)}">
              {Html.Join(bars)}
              <text x="2" y="12">max {AdminFormat.Bytes(values.Max(v => v.Bytes))}/day · total {AdminFormat.Bytes(values.Sum(v => v.Bytes))}</text>
              <text x="2" y="{Height - 5}">{first:yyyy-MM-dd}</text>
              <text x="{Width - 2}" y="{Height - 5}" text-anchor="end">{today:yyyy-MM-dd}</text>
            </svg>
            """);
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
