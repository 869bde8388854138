using System.Globalization;

namespace Hub.Tenancy.Settings;

/// <summary>WCAG 2.1 contrast ratio between two sRGB colours (success criterion 1.4.3).</summary>
internal static class ColorContrast
{
    public const double MinimumTextContrast = 4.5;

    public static bool TryParseHex(string? value, out (byte R, byte G, byte B) rgb)
    {
        rgb = default;
        if (value is null || value.Length != 7 || value[0] != '#')
        {
            return false;
        }

        if (!int.TryParse(value.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var packed))
        {
            return false;
        }

        rgb = ((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);
        return true;
    }

    public static double Ratio(string foreground, string background)
    {
        if (!TryParseHex(foreground, out var a) || !TryParseHex(background, out var b))
        {
            throw new FormatException("Colours must be #rrggbb.");
        }

        var la = RelativeLuminance(a);
        var lb = RelativeLuminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double RelativeLuminance((byte R, byte G, byte B) rgb) =>
        (0.2126 * Channel(rgb.R)) + (0.7152 * Channel(rgb.G)) + (0.0722 * Channel(rgb.B));

    private static double Channel(byte value)
    {
        var c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
