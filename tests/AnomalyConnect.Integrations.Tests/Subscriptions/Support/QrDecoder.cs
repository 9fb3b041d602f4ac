using System.Text;

namespace AnomalyConnect.Integrations.Tests.Subscriptions.Support;

/// <summary>
/// Reads a clean, axis-aligned QR code image back to its text, written from ISO/IEC 18004 independently of the
/// generator under test. It corrects no errors: it checks every block's Reed-Solomon codewords instead, so any
/// code it returns text for is one a scanner reads.
/// </summary>
internal static class QrDecoder
{
    // Per error-correction level in the order L, M, Q, H; index = version (ISO/IEC 18004 table 9).
    private static readonly int[][] EccCodewordsPerBlock =
    [
        [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ];

    private static readonly int[][] ErrorCorrectionBlocks =
    [
        [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ];

    private const string Alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string DecodePng(byte[] png) => Decode(Sample(PngImage.Read(png)));

    /// <summary>Finds the module grid from the top-left finder pattern (7 modules wide) and samples module centres.</summary>
    public static bool[,] Sample(PngImage image)
    {
        var (left, top) = FirstDark(image);
        if (left != top)
            throw new InvalidDataException("the quiet zone is not square");
        var run = 0;
        while (left + run < image.Width && image.Dark[top, left + run])
            run++;
        if (run % 7 != 0)
            throw new InvalidDataException("the finder pattern is not 7 modules wide");
        var module = run / 7;
        var size = (image.Width - 2 * left) / module;
        if ((image.Width - 2 * left) % module != 0 || image.Width != image.Height)
            throw new InvalidDataException("the symbol is not a whole number of modules");

        var grid = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
                grid[row, col] = image.Dark[top + row * module + module / 2, left + col * module + module / 2];
        }

        return grid;
    }

    /// <summary>[row, col] modules, true = dark, without the quiet zone.</summary>
    public static string Decode(bool[,] grid)
    {
        var size = grid.GetLength(0);
        var version = (size - 17) / 4;
        if (size != grid.GetLength(1) || (size - 17) % 4 != 0 || version is < 1 or > 40)
            throw new InvalidDataException($"{size} modules is no QR code size");

        var (level, mask) = ReadFormat(grid);
        var function = FunctionModules(size, version);
        var codewords = ReadCodewords(grid, function, mask);
        var data = CheckAndCollectData(codewords, version, level);
        return ReadSegments(data, version);
    }

    private static (int X, int Y) FirstDark(PngImage image)
    {
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.Dark[y, x])
                    return (x, y);
            }
        }

        throw new InvalidDataException("the image is blank");
    }

    private static (int Level, int Mask) ReadFormat(bool[,] grid)
    {
        var bits = 0;
        for (var i = 0; i <= 5; i++)
            bits |= Bit(grid[i, 8]) << i;
        bits |= Bit(grid[7, 8]) << 6;
        bits |= Bit(grid[8, 8]) << 7;
        bits |= Bit(grid[8, 7]) << 8;
        for (var i = 9; i < 15; i++)
            bits |= Bit(grid[8, 14 - i]) << i;

        for (var data = 0; data < 32; data++)
        {
            var remainder = data;
            for (var i = 0; i < 10; i++)
                remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
            if (((data << 10 | remainder) ^ 0x5412) == bits)
            {
                // Format bits order levels M, L, H, Q (00, 01, 10, 11); the tables order them L, M, Q, H.
                var level = (data >> 3) switch { 1 => 0, 0 => 1, 3 => 2, _ => 3 };
                return (level, data & 7);
            }
        }

        throw new InvalidDataException("the format information is damaged");
    }

    private static bool[,] FunctionModules(int size, int version)
    {
        var function = new bool[size, size];
        void Mark(int row, int col, int height, int width)
        {
            for (var r = row; r < row + height; r++)
            {
                for (var c = col; c < col + width; c++)
                    function[r, c] = true;
            }
        }

        Mark(0, 0, 9, 9);               // finder, separator, format information
        Mark(0, size - 8, 9, 8);
        Mark(size - 8, 0, 8, 9);        // includes the dark module
        Mark(6, 0, 1, size);            // timing patterns
        Mark(0, 6, size, 1);
        var centres = AlignmentCentres(size, version);
        for (var i = 0; i < centres.Length; i++)
        {
            for (var j = 0; j < centres.Length; j++)
            {
                var last = centres.Length - 1;
                if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0))
                    continue;
                Mark(centres[i] - 2, centres[j] - 2, 5, 5);
            }
        }

        if (version >= 7)
        {
            Mark(0, size - 11, 6, 3);   // version information
            Mark(size - 11, 0, 3, 6);
        }

        return function;
    }

    private static int[] AlignmentCentres(int size, int version)
    {
        if (version == 1)
            return [];
        var count = version / 7 + 2;
        var step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
        var centres = new int[count];
        centres[0] = 6;
        for (int i = count - 1, position = size - 7; i >= 1; i--, position -= step)
            centres[i] = position;
        return centres;
    }

    private static byte[] ReadCodewords(bool[,] grid, bool[,] function, int mask)
    {
        var size = grid.GetLength(0);
        var bits = new List<bool>();
        for (var right = size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
                right = 5;          // the vertical timing pattern takes a whole column
            var upward = ((right + 1) & 2) == 0;
            for (var step = 0; step < size; step++)
            {
                var row = upward ? size - 1 - step : step;
                for (var j = 0; j < 2; j++)
                {
                    var col = right - j;
                    if (!function[row, col])
                        bits.Add(grid[row, col] ^ Masked(mask, row, col));
                }
            }
        }

        var codewords = new byte[bits.Count / 8];
        for (var i = 0; i < codewords.Length * 8; i++)
            codewords[i / 8] |= (byte)(Bit(bits[i]) << (7 - i % 8));
        return codewords;
    }

    private static bool Masked(int mask, int row, int col) => mask switch
    {
        0 => (row + col) % 2 == 0,
        1 => row % 2 == 0,
        2 => col % 3 == 0,
        3 => (row + col) % 3 == 0,
        4 => (row / 2 + col / 3) % 2 == 0,
        5 => row * col % 2 + row * col % 3 == 0,
        6 => (row * col % 2 + row * col % 3) % 2 == 0,
        _ => ((row + col) % 2 + row * col % 3) % 2 == 0,
    };

    private static byte[] CheckAndCollectData(byte[] codewords, int version, int level)
    {
        var eccLength = EccCodewordsPerBlock[level][version];
        var blockCount = ErrorCorrectionBlocks[level][version];
        var shortBlocks = blockCount - codewords.Length % blockCount;
        var shortData = codewords.Length / blockCount - eccLength;

        var blocks = Enumerable.Range(0, blockCount)
            .Select(b => new List<byte>(shortData + 1 + eccLength)).ToArray();
        var next = 0;
        for (var i = 0; i <= shortData; i++)
        {
            for (var b = 0; b < blockCount; b++)
            {
                if (i < shortData || b >= shortBlocks)
                    blocks[b].Add(codewords[next++]);
            }
        }

        var data = blocks.SelectMany(block => block).ToArray();
        for (var i = 0; i < eccLength; i++)
        {
            foreach (var block in blocks)
                block.Add(codewords[next++]);
        }

        var generator = ReedSolomon.Generator(eccLength);
        for (var b = 0; b < blockCount; b++)
        {
            var dataLength = blocks[b].Count - eccLength;
            var expected = ReedSolomon.Remainder(blocks[b].Take(dataLength).ToArray(), generator);
            if (!expected.SequenceEqual(blocks[b].Skip(dataLength)))
                throw new InvalidDataException($"block {b} fails its Reed-Solomon check");
        }

        return data;
    }

    private static string ReadSegments(byte[] data, int version)
    {
        var reader = new BitReader(data);
        var bytes = new List<byte>();
        while (reader.Remaining >= 4)
        {
            var mode = reader.Read(4);
            switch (mode)
            {
                case 0:
                    return Encoding.UTF8.GetString(bytes.ToArray());
                case 1:
                    ReadNumeric(reader, reader.Read(version <= 9 ? 10 : version <= 26 ? 12 : 14), bytes);
                    break;
                case 2:
                    ReadAlphanumeric(reader, reader.Read(version <= 9 ? 9 : version <= 26 ? 11 : 13), bytes);
                    break;
                case 4:
                    var count = reader.Read(version <= 9 ? 8 : 16);
                    for (var i = 0; i < count; i++)
                        bytes.Add((byte)reader.Read(8));
                    break;
                case 7:
                    var designator = reader.Read(8);
                    if ((designator & 0x80) != 0)
                        reader.Read((designator & 0x40) == 0 ? 8 : 16);
                    break;
                default:
                    throw new InvalidDataException($"mode {mode} is not supported");
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void ReadNumeric(BitReader reader, int count, List<byte> bytes)
    {
        for (; count >= 3; count -= 3)
            bytes.AddRange(Encoding.ASCII.GetBytes(reader.Read(10).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
        if (count == 2)
            bytes.AddRange(Encoding.ASCII.GetBytes(reader.Read(7).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
        else if (count == 1)
            bytes.AddRange(Encoding.ASCII.GetBytes(reader.Read(4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void ReadAlphanumeric(BitReader reader, int count, List<byte> bytes)
    {
        for (; count >= 2; count -= 2)
        {
            var pair = reader.Read(11);
            bytes.Add((byte)Alphanumeric[pair / 45]);
            bytes.Add((byte)Alphanumeric[pair % 45]);
        }

        if (count == 1)
            bytes.Add((byte)Alphanumeric[reader.Read(6)]);
    }

    private static int Bit(bool value) => value ? 1 : 0;

    private sealed class BitReader(byte[] data)
    {
        private int position;

        public int Remaining => data.Length * 8 - position;

        public int Read(int count)
        {
            if (count > Remaining)
                throw new InvalidDataException("the data ends inside a segment");
            var value = 0;
            for (var i = 0; i < count; i++, position++)
                value = (value << 1) | ((data[position / 8] >> (7 - position % 8)) & 1);
            return value;
        }
    }
}
