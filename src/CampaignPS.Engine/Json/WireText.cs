using System.Globalization;
using System.Text.Json;

namespace CampaignPS.Engine.Json;

/// <summary>Lenient conversions for loosely typed wire fields.</summary>
internal static class WireText
{
    public static string? Json(JsonElement? element) =>
        element.HasValue && element.Value.ValueKind != JsonValueKind.Null && element.Value.ValueKind != JsonValueKind.Undefined ? element.Value.GetRawText() : null;

    public static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value) ? value : (DateTimeOffset?)null;
}
