using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AnomalyConnect.Api.Admin.Markup;

/// <summary>
/// The interpolation behind <see cref="Html.Of"/>: literals pass as written, <see cref="Html"/> values pass as markup,
/// and everything else is formatted invariantly and HTML-encoded (quotes too, so values are safe in attributes).
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlInterpolation
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder builder;

    public HtmlInterpolation(int literalLength, int formattedCount) =>
        builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Html markup) => builder.Append(markup.Value);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case null:
                return;
            case Html markup:
                builder.Append(markup.Value);
                return;
            case IEnumerable<Html> pieces:
                foreach (var piece in pieces)
                {
                    builder.Append(piece.Value);
                }
                return;
            case IFormattable formattable:
                builder.Append(Encoder.Encode(formattable.ToString(format, CultureInfo.InvariantCulture)));
                return;
            default:
                builder.Append(Encoder.Encode(value.ToString() ?? string.Empty));
                return;
        }
    }

    internal readonly Html ToHtml() => new(builder.ToString());
}
