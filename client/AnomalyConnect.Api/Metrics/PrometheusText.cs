using System.Globalization;
using System.Text;

namespace AnomalyConnect.Api.Metrics;

/// <summary>
/// The Prometheus text exposition format (version 0.0.4): <c># HELP</c> and <c># TYPE</c> once per family, then its
/// samples; histograms as cumulative <c>_bucket{le=…}</c> ending in <c>+Inf</c>, <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.Where(f => f.Series.Count > 0))
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');
            foreach (var series in family.Series)
            {
                if (series.Histogram is { } histogram)
                {
                    WriteHistogram(text, family.Name, series.Labels, histogram);
                }
                else
                {
                    WriteSample(text, family.Name, series.Labels, series.Value);
                }
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// An OpenTelemetry-style instrument name in Prometheus form: dots and other signs become '_', the unit is
    /// appended (s → _seconds, By → _bytes, ms → _milliseconds; {annotations} add nothing), counters end in _total.
    /// </summary>
    public static string MetricName(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName.ToLowerInvariant(), allowColon: true);
        var suffix = unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }
        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        return name;
    }

    public static string LabelName(string tag) => Sanitize(tag, allowColon: false);

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static void WriteHistogram(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramValue histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += histogram.Counts[i];
            WriteSample(text, name + "_bucket", [.. labels, new("le", FormatValue(histogram.Bounds[i]))], cumulative);
        }
        WriteSample(text, name + "_bucket", [.. labels, new("le", "+Inf")], histogram.Count);
        WriteSample(text, name + "_sum", labels, histogram.Sum);
        WriteSample(text, name + "_count", labels, histogram.Count);
    }

    private static void WriteSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value)
    {
        text.Append(name);
        if (labels.Count > 0)
        {
            text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }
                text.Append(labels[i].Key).Append("=\"").Append(EscapeLabelValue(labels[i].Value)).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }
        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }
        return builder.ToString();
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
