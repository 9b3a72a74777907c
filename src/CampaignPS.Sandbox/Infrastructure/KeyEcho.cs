using System.Globalization;
using System.Text;

namespace CampaignPS.Sandbox;

/// <summary>
/// An error message that repeats the caller's key the ways careless servers do: as it is, %-encoded with
/// lower-case hex, JSON-escaped (\\u00xx for every character, and for '+' only), and with '+' read as a space.
/// Clients must mask every one of them.
/// </summary>
internal static class KeyEcho
{
    public static string Message(string key) =>
        $"Invalid API key '{key}'. Encoded: {PercentLower(key)}; escaped: {JsonEscaped(key)}; plus only: {key.Replace("+", "\\u002B")}; as a form: {key.Replace('+', ' ')}.";

    private static string PercentLower(string key) =>
        string.Concat(Encoding.UTF8.GetBytes(key).Select(b => "%" + b.ToString("x2", CultureInfo.InvariantCulture)));

    private static string JsonEscaped(string key) =>
        string.Concat(key.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
}
