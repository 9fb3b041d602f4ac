using System.Globalization;
using System.Text.RegularExpressions;

namespace AnomalyConnect.Admin.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text format 0.0.4, failing on anything a Prometheus server would refuse or that
/// the format forbids: bad names, bad escapes, unknown types, samples before their TYPE or of another family,
/// a family split in two, duplicate series, histograms whose buckets are not cumulative or lack +Inf, _count ≠ +Inf.
/// </summary>
internal static partial class PrometheusParser
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        Assert.EndsWith("\n", text);
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var closedFamilies = new HashSet<string>(StringComparer.Ordinal);
        var seriesSeen = new HashSet<string>(StringComparer.Ordinal);
        string? currentFamily = null;
        var lineNumber = 0;
        foreach (var line in text[..^1].Split('\n'))
        {
            lineNumber++;
            var where = $"line {lineNumber}: {line}";
            Assert.False(string.IsNullOrWhiteSpace(line), $"Empty line at {where}");
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                Assert.True(parts.Length == 4, $"Incomplete comment at {where}");
                var family = parts[2];
                Assert.Matches(MetricName(), family);
                if (currentFamily != family)
                {
                    Assert.DoesNotContain(family, closedFamilies);
                    if (currentFamily is not null)
                    {
                        closedFamilies.Add(currentFamily);
                    }
                    currentFamily = family;
                }
                if (parts[1] == "TYPE")
                {
                    Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                    Assert.True(types.TryAdd(family, parts[3]), $"Second TYPE for {family} at {where}");
                }
                else
                {
                    Assert.True(helps.Add(family), $"Second HELP for {family} at {where}");
                    CheckHelpEscapes(parts[3], where);
                }
                continue;
            }
            Assert.False(line.StartsWith('#'), $"Unknown comment at {where}");
            var sample = ParseSample(line, where);
            var familyOf = FamilyOf(sample.Name, types);
            Assert.True(familyOf is not null, $"Sample before its TYPE at {where}");
            Assert.True(familyOf == currentFamily, $"Sample of {familyOf} inside {currentFamily} at {where}");
            Assert.True(seriesSeen.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}")) + "}"),
                $"Duplicate series at {where}");
            if (types[familyOf!] == "counter")
            {
                Assert.EndsWith("_total", sample.Name);
                Assert.True(sample.Value >= 0, $"Negative counter at {where}");
            }
            samples.Add(sample with { Family = familyOf!, Type = types[familyOf!] });
        }
        CheckHistograms(samples);
        return samples;
    }

    private static PrometheusSample ParseSample(string line, string where)
    {
        var match = SampleLine().Match(line);
        Assert.True(match.Success, $"Not a sample at {where}");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (match.Groups["labels"].Success && match.Groups["labels"].Value.Length > 0)
        {
            var rest = match.Groups["labels"].Value;
            while (rest.Length > 0)
            {
                var label = Label().Match(rest);
                Assert.True(label.Success, $"Bad label in {where}");
                Assert.True(labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value, where)), $"Repeated label in {where}");
                rest = rest[label.Length..];
                if (rest.StartsWith(',')) { rest = rest[1..]; }
            }
        }
        var valueText = match.Groups["value"].Value;
        var value = valueText switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(match.Groups["name"].Value, labels, value, "", "");
    }

    /// <summary>HELP text may escape only a backslash (\\) and a line feed (\n).</summary>
    private static void CheckHelpEscapes(string help, string where)
    {
        for (var i = 0; i < help.Length; i++)
        {
            if (help[i] == '\\')
            {
                Assert.True(i + 1 < help.Length && help[i + 1] is '\\' or 'n', $"Bad escape in HELP at {where}");
                i++;
            }
        }
    }

    private static string Unescape(string value, string where)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                result.Append(value[i]);
                continue;
            }
            Assert.True(i + 1 < value.Length, $"Dangling escape in {where}");
            result.Append(value[++i] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                var other => throw new Xunit.Sdk.XunitException($"Bad escape \\{other} in {where}"),
            });
        }
        return result.ToString();
    }

    private static string? FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type) && type == "histogram")
            {
                return name[..^suffix.Length];
            }
        }
        return null;
    }

    private static void CheckHistograms(List<PrometheusSample> samples)
    {
        foreach (var series in samples.Where(s => s.Type == "histogram")
                     .GroupBy(s => s.Family + "{" + string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}")) + "}"))
        {
            var buckets = series.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(buckets);
            var bounds = buckets.Select(b => b.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(b.Labels["le"], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(bounds.OrderBy(b => b), bounds);
            Assert.Equal(double.PositiveInfinity, bounds[^1]);
            for (var i = 1; i < buckets.Count; i++)
            {
                Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"Buckets of {series.Key} are not cumulative.");
            }
            var count = series.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal));
            Assert.Single(series, s => s.Name.EndsWith("_sum", StringComparison.Ordinal));
            Assert.Equal(buckets[^1].Value, count.Value);
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex("^(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex Label();
}
