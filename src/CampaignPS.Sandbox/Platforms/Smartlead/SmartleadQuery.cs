using System.Globalization;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Reads optional query parameters; a malformed value is a 400 that names the parameter.</summary>
internal static class SmartleadQuery
{
    public static long? Integer(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PlatformErrorException.BadRequest($"Query parameter {name} must be an integer (got \"{text}\").");
    }

    public static bool Boolean(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return false;
        }
        return bool.TryParse(text, out var value)
            ? value
            : throw PlatformErrorException.BadRequest($"Query parameter {name} must be true or false (got \"{text}\").");
    }
}
