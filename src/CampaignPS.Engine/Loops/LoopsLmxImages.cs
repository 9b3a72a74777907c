using System.Text.RegularExpressions;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// Local images in LMX: <c>src="..."</c> values that are not web addresses (http, https, data, cid) nor merge
/// tags, i.e. paths of files next to the LMX. <see cref="Rewrite"/> puts the uploaded URLs in their place.
/// </summary>
public static class LoopsLmxImages
{
    private static readonly Regex Source = new Regex("(?<attr>\\bsrc\\s*=\\s*)(?<quote>[\"'])(?<value>[^\"']*)\\k<quote>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The distinct local paths the LMX refers to in <c>src</c> attributes, in order of appearance.</summary>
    public static IReadOnlyList<string> LocalSources(string lmx) =>
        Source.Matches(lmx ?? string.Empty).Cast<Match>().Select(m => m.Groups["value"].Value.Trim())
            .Where(IsLocal).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces each local <c>src</c> value found in <paramref name="urls"/> by its URL; other values stay as they are.</summary>
    public static string Rewrite(string lmx, IReadOnlyDictionary<string, string> urls) =>
        Source.Replace(lmx ?? string.Empty, m =>
            urls.TryGetValue(m.Groups["value"].Value.Trim(), out string? url)
                ? m.Groups["attr"].Value + m.Groups["quote"].Value + url + m.Groups["quote"].Value
                : m.Value);

    private static bool IsLocal(string value)
    {
        if (value.Length == 0 || value.IndexOf('{') >= 0 || value.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        int colon = value.IndexOf(':');
        // "C:\images\a.png" is a local path (a drive letter); "https:", "data:", "cid:" are not.
        return colon < 0 || (colon == 1 && char.IsLetter(value[0]));
    }
}
