using System.Net.Http.Headers;
using System.Text;

namespace AnomalyConnect.Testing.Fakes;

/// <summary>A small multipart/form-data reader (RFC 7578) for the fakes, which do without ASP.NET.</summary>
public static class MultipartFormData
{
    /// <exception cref="FormatException">The body is not multipart/form-data with the given boundary.</exception>
    public static IReadOnlyList<MultipartPart> Parse(byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var boundary = MediaTypeHeaderValue.Parse(contentType).Parameters
            .FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            throw new FormatException("The multipart content type has no boundary.");
        }
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var nextDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        var parts = new List<MultipartPart>();
        var position = IndexOf(body, delimiter, 0);
        if (position < 0)
        {
            throw new FormatException("The multipart body has no opening boundary.");
        }
        while (true)
        {
            position += delimiter.Length;
            if (position + 2 > body.Length)
            {
                throw new FormatException("The multipart body ends without a closing boundary.");
            }
            if (body[position] == '-' && body[position + 1] == '-')
            {
                return parts;
            }
            position = IndexOf(body, "\r\n"u8.ToArray(), position) + 2;
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            if (position < 2 || headersEnd < 0)
            {
                throw new FormatException("A multipart part has no header block.");
            }
            var headers = Encoding.UTF8.GetString(body, position, headersEnd - position).Split("\r\n");
            var dataStart = headersEnd + 4;
            var dataEnd = IndexOf(body, nextDelimiter, dataStart);
            if (dataEnd < 0)
            {
                throw new FormatException("A multipart part is not closed by a boundary.");
            }
            parts.Add(ReadPart(headers, body[dataStart..dataEnd]));
            position = dataEnd + 2;
        }
    }

    private static MultipartPart ReadPart(string[] headers, byte[] content)
    {
        string? disposition = null;
        string? type = null;
        foreach (var header in headers.Where(h => h.Length > 0))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"A malformed part header: {header}");
            }
            var name = header[..colon].Trim();
            var value = header[(colon + 1)..].Trim();
            if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                disposition = value;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
        }
        if (disposition is null)
        {
            throw new FormatException("A multipart part has no Content-Disposition.");
        }
        var parsed = ContentDispositionHeaderValue.Parse(disposition);
        var fieldName = parsed.Name?.Trim('"') ?? throw new FormatException("A multipart part has no name.");
        var fileName = parsed.FileNameStar ?? parsed.FileName?.Trim('"');
        return new MultipartPart(fieldName, fileName, type, content);
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        if (start < 0 || start > haystack.Length)
        {
            return -1;
        }
        var found = haystack.AsSpan(start).IndexOf(needle);
        return found < 0 ? -1 : start + found;
    }
}
