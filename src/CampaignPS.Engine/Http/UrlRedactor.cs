using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Http;

/// <summary>Removes credentials from URLs before they are logged or put in an error (Smartlead sends its key as ?api_key=).</summary>
public static class UrlRedactor
{
    private static readonly string[] SecretParameters = { "api_key", "apikey", "key", "token", "access_token", "password", "secret" };

    private static readonly Regex QueryPair = new Regex(@"(?<=[?&])(?<name>[^=&#]+)=(?<value>[^&#]*)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly Regex UserInfo = new Regex(@"(?<=://)[^/@?#]+@", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly char[] QueryMarks = { '?', '&' };

    /// <summary>Returns the URL with the value of every secret-bearing query parameter and any user info replaced.</summary>
    public static string Redact(Uri uri) => Redact(uri.ToString());

    /// <summary>Returns the text with the value of every secret-bearing query parameter replaced.</summary>
    public static string Redact(string url)
    {
        // Every request's URL passes through here (for its log line): skip the patterns that cannot match.
        string withoutUserInfo = url.IndexOf('@') < 0 ? url : UserInfo.Replace(url, "***@");
        if (withoutUserInfo.IndexOfAny(QueryMarks) < 0)
        {
            return withoutUserInfo;
        }

        return QueryPair.Replace(withoutUserInfo, match =>
        {
            string name = Uri.UnescapeDataString(match.Groups["name"].Value);
            return SecretParameters.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                ? match.Groups["name"].Value + "=***"
                : match.Value;
        });
    }
}
