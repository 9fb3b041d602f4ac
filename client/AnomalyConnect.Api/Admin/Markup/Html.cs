namespace AnomalyConnect.Api.Admin.Markup;

/// <summary>
/// A piece of markup that is safe to send. Made only by <see cref="Of"/>, whose interpolation encodes every value
/// except other <see cref="Html"/> pieces, so a user's name can never become markup.
/// </summary>
public readonly record struct Html(string Value)
{
    public static Html Empty { get; } = new(string.Empty);

    public static Html Of(ref HtmlInterpolation markup) => markup.ToHtml();

    public static Html Join(IEnumerable<Html> pieces) => new(string.Concat(pieces.Select(p => p.Value)));

    public static Html When(bool condition, Html markup) => condition ? markup : Empty;

    public override string ToString() => Value;
}
