using QRCoder;

namespace AnomalyConnect.Integrations.Subscriptions;

/// <summary>QR codes of links and subscription addresses, as PNG (also served as <c>/user/{id}/qr.png</c>).</summary>
public static class QrCode
{
    /// <summary>A black-on-white PNG with the standard four-module quiet zone, error correction level M.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string PngDataUri(string text, int pixelsPerModule = 4) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
