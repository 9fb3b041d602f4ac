using AnomalyConnect.Integrations.Subscriptions;
using AnomalyConnect.Integrations.Tests.Subscriptions.Support;

namespace AnomalyConnect.Integrations.Tests.Subscriptions;

public sealed class QrCodeTests
{
    [Theory]
    [InlineData("https://vpn.example.com/sub/AbC123_token")]
    [InlineData("HELLO 123")]
    [InlineData("Подписка 🚀")]
    public void Png_WhenScanned_ReadsBackTheText(string text)
    {
        Assert.Equal(text, QrDecoder.DecodePng(QrCode.Png(text)));
    }

    [Fact]
    public void Png_WhenTextIsLong_StillReadsBackAcrossManyBlocks()
    {
        var link = Samples.Hysteria2().ToUri() + "&" + new string('x', 600);

        Assert.Equal(link, QrDecoder.DecodePng(QrCode.Png(link, pixelsPerModule: 3)));
    }

    [Fact]
    public void PngDataUri_WhenRendered_IsABase64Png()
    {
        var uri = QrCode.PngDataUri("x");

        Assert.StartsWith("data:image/png;base64,", uri);
        Assert.Equal("x", QrDecoder.DecodePng(Convert.FromBase64String(uri["data:image/png;base64,".Length..])));
    }

    [Fact]
    public void DecodePng_WhenOneDataModuleIsFlipped_FailsTheReedSolomonCheck()
    {
        // Guards the decoder itself: it must not read text out of a damaged symbol.
        var grid = QrDecoder.Sample(PngImage.Read(QrCode.Png("https://vpn.example.com/sub/AbC123_token")));
        var last = grid.GetLength(0) - 1;
        grid[last, last] = !grid[last, last];

        Assert.Throws<InvalidDataException>(() => QrDecoder.Decode(grid));
    }

    [Fact]
    public void Png_WhenPixelsPerModuleIsZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QrCode.Png("x", 0));
    }
}
