using System.Net.Http.Headers;
using System.Text;

namespace AnomalyConnect.Reliability.Tests.Fuzzing;

/// <summary>
/// Generates hostile requests from a seed: malformed and truncated JSON, wrong types, unicode and control
/// characters, oversized bodies and headers, bad signatures, path tricks. Every request is invalid by
/// construction (a wrong or missing credential, or a body no endpoint accepts), so none may change state.
/// </summary>
public sealed class FuzzRequestFactory(Random random, IReadOnlyDictionary<string, string> validSecrets)
{
    private static readonly string[] PathTricks =
    [
        "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "%00", "%ff%fe", "a%2Fb", "..;", "%252e%252e", "😀", "ñ%C3%28", "%", "%zz",
        "CON", "a:b", "a\\b", "?x=1", new string('a', 3000), "'; DROP TABLE grain_state; --", "<script>alert(1)</script>", "$(id)", "{{7*7}}",
    ];

    private static readonly string[] Samples =
    [
        """{"employee_id":"e1","days":30}""", """{"id":"n1","name":"n","region":"eu","address":"1.1.1.1","capacity":1}""",
        """{"days":3}""", """{"event_id":"x","type":"employee.hired","employee_id":"e","occurred_at":"2026-01-01T00:00:00Z"}""",
        """{"update_id":1,"message":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"/start"}}""",
        """{"type":"notification","event":"payment.succeeded","object":{"id":"p"}}""", """{"addr":"1.2.3.4:5","auth":"x","tx":0}""",
    ];

    public HttpRequestMessage Create(FuzzEndpoint endpoint)
    {
        var path = FillPath(endpoint.Path);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        // A valid credential is only ever paired with a body no endpoint accepts: a plain GET with it would be a real read.
        var credentialIsValid = PresentCredential(request, endpoint.Credential, mayBeValid: endpoint.HasBody);
        if (endpoint.HasBody || random.Next(4) == 0)
        {
            request.Content = Body(mustBeInvalid: true);
        }
        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Fuzz-" + random.Next(1000), HeaderGarbage(random.Next(2) == 0 ? 40 : 40_000));
        }
        return request;
    }

    private string FillPath(string template)
    {
        var path = template;
        while (path.Contains('{', StringComparison.Ordinal))
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = path[..start] + PathSegment() + path[(end + 1)..];
        }
        return random.Next(8) == 0 ? path + "/" + PathTricks[random.Next(PathTricks.Length)] : path;
    }

    private string PathSegment() => random.Next(4) switch
    {
        0 => PathTricks[random.Next(PathTricks.Length)],
        1 => Uri.EscapeDataString(Garbage(random.Next(1, 80))),
        2 => "u" + random.Next(),
        _ => new string('A', random.Next(1, 40)),
    };

    /// <summary>Presents a wrong, malformed or missing credential; rarely the right one (then the body is invalid).</summary>
    private bool PresentCredential(HttpRequestMessage request, FuzzCredential credential, bool mayBeValid)
    {
        var presentValid = mayBeValid && random.Next(6) == 0;
        var value = presentValid ? null : WrongSecret();
        switch (credential)
        {
            case FuzzCredential.AdminBearer:
                request.Headers.TryAddWithoutValidation("Authorization", presentValid ? $"Bearer {validSecrets["admin"]}" : random.Next(3) == 0 ? value : $"Bearer {value}");
                return presentValid;
            case FuzzCredential.CorporateSecret:
                request.Headers.TryAddWithoutValidation("X-Corporate-Secret", presentValid ? validSecrets["corporate"] : value);
                return presentValid;
            case FuzzCredential.HrSignature:
                request.Headers.TryAddWithoutValidation("X-Signature", random.Next(2) == 0 ? $"sha256={value}" : value);
                return false;
            case FuzzCredential.TelegramSecret:
                request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", value);
                return false;
            case FuzzCredential.HysteriaSecret:
                request.RequestUri = new Uri(request.RequestUri!.OriginalString + (random.Next(2) == 0 ? "" : $"?secret={Uri.EscapeDataString(value ?? "x")}"), UriKind.Relative);
                return false;
            case FuzzCredential.MetricsBasic:
                request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{value}")));
                return false;
            default:
                return false;
        }
    }

    private string? WrongSecret() => random.Next(5) switch
    {
        0 => null,
        1 => "",
        2 => HeaderGarbage(random.Next(1, 200)),
        3 => validSecrets.Values.ElementAt(random.Next(validSecrets.Count)) + "x",
        _ => Convert.ToHexString(Guid.NewGuid().ToByteArray()),
    };

    private HttpContent Body(bool mustBeInvalid)
    {
        var sample = Samples[random.Next(Samples.Length)];
        var text = random.Next(9) switch
        {
            0 => sample[..random.Next(1, sample.Length)], // truncated
            1 => sample.Replace("30", "\"thirty\"", StringComparison.Ordinal).Replace("\"e1\"", "[1,2]", StringComparison.Ordinal), // wrong types
            2 => new string('[', random.Next(65, 5000)), // too deep
            3 => "{\"a\":\"" + Garbage(random.Next(1000, 300_000)) + "\"}", // large and hostile
            4 => Garbage(random.Next(0, 500)),
            5 => sample.Insert(1, "\"zz_fuzz\":\"\\u0000\\ud800\","), // unknown field, lone surrogate
            6 => "null",
            7 => "[" + sample + "]",
            _ => sample.Insert(1, "\"zz_fuzz\":" + random.Next() + ","),
        };
        if (mustBeInvalid && ParsesAsAcceptableJson(text))
        {
            text = "{\"zz_fuzz\":1," + text.TrimStart('[', '{');
        }
        var content = random.Next(7) == 0
            ? new ByteArrayContent([0xff, 0xfe, 0xc3, 0x28, .. Encoding.UTF8.GetBytes(text)])
            : new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = random.Next(8) switch
        {
            0 => new MediaTypeHeaderValue("text/plain"),
            1 => null,
            _ => new MediaTypeHeaderValue("application/json"),
        };
        return content;
    }

    /// <summary>Whether an endpoint might accept the text: well-formed JSON without the unknown field every endpoint refuses.</summary>
    private static bool ParsesAsAcceptableJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !document.RootElement.TryGetProperty("zz_fuzz", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Printable ASCII only: HTTP clients refuse to send control characters in headers at all.</summary>
    private string HeaderGarbage(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)random.Next(33, 127));
        }
        return builder.ToString();
    }

    private string Garbage(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x400, 0x4ff),
                2 => '"',
                3 => '\\',
                _ => (char)random.Next(33, 127),
            });
        }
        return builder.ToString();
    }
}
