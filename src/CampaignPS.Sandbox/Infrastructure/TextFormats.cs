using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignPS.Sandbox;

/// <summary>Text formats that more than one platform's request bodies use; each platform words its own error.</summary>
internal static partial class TextFormats
{
    /// <summary>A time of day written exactly as "HH:mm", 00:00 to 23:59.</summary>
    public static bool TryParseHourMinute(string text, out TimeOnly time)
    {
        time = default;
        return HourMinute().IsMatch(text) && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>A time zone named by its IANA id, e.g. Europe/Berlin (Windows ids are refused).</summary>
    public static bool TryFindIanaTimeZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone) && zone.HasIanaId;

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex HourMinute();
}
