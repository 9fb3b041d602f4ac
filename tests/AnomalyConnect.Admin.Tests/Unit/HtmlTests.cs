using AnomalyConnect.Api.Admin.Markup;

namespace AnomalyConnect.Admin.Tests.Unit;

public sealed class HtmlTests
{
    [Fact]
    public void Of_WhenAValueHoldsMarkup_EncodesIt()
    {
        var name = "<script>alert(\"x\")</script> & 'quotes'";

        var html = Html.Of($"<td title=\"{name}\">{name}</td>");

        Assert.DoesNotContain("<script>", html.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\"x\"", html.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("'quotes'", html.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WhenAValueIsHtml_KeepsItAsMarkup()
    {
        var inner = Html.Of($"<b>{"bold & brave"}</b>");

        Assert.Equal("<p><b>bold &amp; brave</b></p>", Html.Of($"<p>{inner}</p>").Value);
    }

    [Fact]
    public void Of_WhenValuesAreNumbersOrCyrillic_WritesThemInvariantlyAndReadably() =>
        Assert.Equal("1.5 Пётр", Html.Of($"{1.5} {"Пётр"}").Value);
}
