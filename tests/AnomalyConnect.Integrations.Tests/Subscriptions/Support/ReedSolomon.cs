namespace AnomalyConnect.Integrations.Tests.Subscriptions.Support;

/// <summary>QR's Reed-Solomon code over GF(256) with the polynomial x⁸+x⁴+x³+x²+1 (0x11D), generator roots αⁱ from i = 0.</summary>
internal static class ReedSolomon
{
    private static readonly byte[] Exp = new byte[512];
    private static readonly int[] Log = new int[256];

    static ReedSolomon()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Log[x] = i;
            x <<= 1;
            if (x >= 256)
                x ^= 0x11D;
        }

        for (var i = 255; i < Exp.Length; i++)
            Exp[i] = Exp[i - 255];
    }

    /// <summary>Coefficients highest degree first, leading 1 included.</summary>
    public static byte[] Generator(int degree)
    {
        var polynomial = new byte[] { 1 };
        for (var i = 0; i < degree; i++)
        {
            var next = new byte[polynomial.Length + 1];
            for (var k = 0; k < polynomial.Length; k++)
            {
                next[k] ^= polynomial[k];
                next[k + 1] ^= Multiply(polynomial[k], Exp[i]);
            }

            polynomial = next;
        }

        return polynomial;
    }

    public static byte[] Remainder(byte[] data, byte[] generator)
    {
        var degree = generator.Length - 1;
        var work = new byte[data.Length + degree];
        data.CopyTo(work, 0);
        for (var i = 0; i < data.Length; i++)
        {
            var factor = work[i];
            if (factor == 0)
                continue;
            for (var k = 1; k <= degree; k++)
                work[i + k] ^= Multiply(generator[k], factor);
        }

        return work[data.Length..];
    }

    private static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];
}
