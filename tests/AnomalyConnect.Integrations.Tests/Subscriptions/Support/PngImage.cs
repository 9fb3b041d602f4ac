using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AnomalyConnect.Integrations.Tests.Subscriptions.Support;

/// <summary>A minimal PNG reader (non-interlaced; grey, RGB, palette, with or without alpha) yielding dark/light pixels.</summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(bool[,] dark) => Dark = dark;

    /// <summary>[y, x]: true where the pixel is darker than mid-grey.</summary>
    public bool[,] Dark { get; }

    public int Width => Dark.GetLength(1);

    public int Height => Dark.GetLength(0);

    public static PngImage Read(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG");

        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                        throw new InvalidDataException("interlaced PNGs are not supported");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
            if (type == "IEND")
                break;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"color type {colorType}") };
        var bitsPerPixel = channels * bitDepth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var rows = Unfilter(raw.ToArray(), height, stride, Math.Max(1, bitsPerPixel / 8));

        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                dark[y, x] = Luminance(rows[y], x, bitDepth, colorType, palette) < 128;
        }

        return new PngImage(dark);
    }

    private static byte[][] Unfilter(byte[] raw, int height, int stride, int bytesPerPixel)
    {
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                row[i] += filter switch
                {
                    0 => 0,
                    1 => (byte)left,
                    2 => (byte)up,
                    3 => (byte)((left + up) / 2),
                    4 => (byte)Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
            }

            rows[y] = row;
            previous = row;
        }

        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int Luminance(byte[] row, int x, int bitDepth, int colorType, byte[] palette)
    {
        if (bitDepth < 8)
        {
            var perByte = 8 / bitDepth;
            var sample = (row[x / perByte] >> (8 - bitDepth * (x % perByte + 1))) & ((1 << bitDepth) - 1);
            return colorType == 3 ? Rgb(palette, sample * 3) : sample * 255 / ((1 << bitDepth) - 1);
        }

        var bytes = bitDepth / 8;
        return colorType switch
        {
            0 or 4 => row[x * bytes * (colorType == 0 ? 1 : 2)],
            2 => Rgb(row, x * 3 * bytes, bytes),
            3 => Rgb(palette, row[x] * 3),
            6 => Rgb(row, x * 4 * bytes, bytes),
            _ => throw new InvalidDataException($"color type {colorType}"),
        };
    }

    private static int Rgb(byte[] data, int at, int step = 1) =>
        (data[at] * 299 + data[at + step] * 587 + data[at + 2 * step] * 114) / 1000;
}
