namespace AnomalyConnect.Grains.Users;

/// <summary>
/// A text kept in memory for a long time, once per user: the 32 base-62 characters our credentials are made of fit in
/// three words at six bits a character (32 bytes inline, where the string took 88 more on the heap and an object of
/// its own). Any other text (a token imported from another panel, say) is kept as its string.
/// Equal texts give equal values either way, since a text that fits is always packed.
/// </summary>
internal readonly struct PackedText : IEquatable<PackedText>
{
    public const int PackedLength = 32;
    private const int BitsPerChar = 6;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly ulong first;
    private readonly ulong second;
    private readonly ulong third;
    private readonly string? text;

    private PackedText(ulong first, ulong second, ulong third, string? text)
    {
        this.first = first;
        this.second = second;
        this.third = third;
        this.text = text;
    }

    /// <summary>Whether the value is held in the three words rather than as a string.</summary>
    public bool IsPacked => text is null;

    public static PackedText Of(string value) => TryPack(value, out var packed) ? packed : new PackedText(0, 0, 0, value);

    public override string ToString()
    {
        if (text is not null)
        {
            return text;
        }
        return string.Create(PackedLength, this, static (chars, packed) =>
        {
            Span<ulong> words = [packed.first, packed.second, packed.third];
            for (var i = 0; i < chars.Length; i++)
            {
                var bit = i * BitsPerChar;
                var word = bit >> 6;
                var offset = bit & 63;
                var code = words[word] >> offset;
                if (offset > 64 - BitsPerChar)
                {
                    code |= words[word + 1] << (64 - offset);
                }
                chars[i] = Alphabet[(int)(code & 63) - 1];
            }
        });
    }

    public bool Equals(PackedText other) =>
        first == other.first && second == other.second && third == other.third && string.Equals(text, other.text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PackedText other && Equals(other);

    public override int GetHashCode() =>
        text is null ? HashCode.Combine(first, second, third) : StringComparer.Ordinal.GetHashCode(text);

    public static bool operator ==(PackedText left, PackedText right) => left.Equals(right);

    public static bool operator !=(PackedText left, PackedText right) => !left.Equals(right);

    private static bool TryPack(string value, out PackedText packed)
    {
        packed = default;
        if (value.Length != PackedLength)
        {
            return false;
        }
        Span<ulong> words = stackalloc ulong[3];
        words.Clear();
        for (var i = 0; i < value.Length; i++)
        {
            var code = CodeOf(value[i]);
            if (code < 0)
            {
                return false;
            }
            var bit = i * BitsPerChar;
            var word = bit >> 6;
            var offset = bit & 63;
            words[word] |= (ulong)code << offset;
            if (offset > 64 - BitsPerChar)
            {
                words[word + 1] |= (ulong)code >> (64 - offset);
            }
        }
        packed = new PackedText(words[0], words[1], words[2], null);
        return true;
    }

    // Codes start at 1, so no packed text is all zero bits like the default value.
    private static int CodeOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 1,
        >= 'A' and <= 'Z' => c - 'A' + 11,
        >= 'a' and <= 'z' => c - 'a' + 37,
        _ => -1,
    };
}
