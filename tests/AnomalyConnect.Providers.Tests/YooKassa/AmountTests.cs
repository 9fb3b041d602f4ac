using System.Text.Json;
using AnomalyConnect.Integrations.YooKassa;

namespace AnomalyConnect.Providers.Tests.YooKassa;

public sealed class AmountTests
{
    [Theory]
    [InlineData("199", "199.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("1234567.1", "1234567.10")]
    [InlineData("99.99", "99.99")]
    public void Serialize_WhenValueHasAnyScale_WritesTwoDecimalsWithDot(string value, string expected)
    {
        var amount = Amount.Rubles(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var json = JsonSerializer.Serialize(amount, YooKassaJson.Options);

        Assert.Equal($"{{\"value\":\"{expected}\",\"currency\":\"RUB\"}}", json);
    }

    [Fact]
    public void Deserialize_WhenValueIsString_ReadsDecimal()
    {
        var amount = JsonSerializer.Deserialize<Amount>("""{"value":"10.20","currency":"RUB"}""", YooKassaJson.Options);

        Assert.Equal(Amount.Rubles(10.2m), amount);
    }
}
