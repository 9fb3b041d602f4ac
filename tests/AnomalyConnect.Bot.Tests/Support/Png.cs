namespace AnomalyConnect.Bot.Tests.Support;

/// <summary>Recognises a PNG by its eight-byte signature.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(byte[] content) => content.Length > Signature.Length && content.AsSpan(0, Signature.Length).SequenceEqual(Signature);
}
