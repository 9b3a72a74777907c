using System.Text;

namespace CampaignPS.Engine.Http;

/// <summary>
/// Turns a path below a connection's API root (and a query) into the URI a request goes to, and refuses anything that
/// would take the request, and with it the key, elsewhere: an absolute address of another scheme, host or port,
/// a protocol-relative "//host", "." or ".." segments (also %-encoded), backslashes and control characters.
/// </summary>
internal static class ApiPath
{
    /// <summary>The URI for <paramref name="relativePath"/> below <paramref name="baseUri"/>; <paramref name="field"/> names the input in errors.</summary>
    /// <exception cref="InputValidationException">The path would leave the API root.</exception>
    public static Uri Resolve(Uri baseUri, string relativePath, IEnumerable<KeyValuePair<string, string?>>? query, InputRules rules, string field = "Path")
    {
        string path = Relative(baseUri, relativePath ?? string.Empty, rules, field);
        var builder = new StringBuilder(path);
        char separator = path.IndexOf('?') >= 0 ? '&' : '?';
        foreach (KeyValuePair<string, string?> pair in query ?? Enumerable.Empty<KeyValuePair<string, string?>>())
        {
            if (pair.Value == null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        var uri = new Uri(baseUri, builder.ToString());
        if (!IsBelow(baseUri, uri))
        {
            throw rules.Fail(field, $"{field} '{InputRules.Show(relativePath ?? string.Empty)}' leads outside {UrlRedactor.Redact(baseUri)}. Give a path below the API root, such as 'campaigns'.");
        }

        return uri;
    }

    private static string Relative(Uri baseUri, string path, InputRules rules, string field)
    {
        if (path.Any(char.IsControl))
        {
            throw rules.Fail(field, $"{field} contains a control character. Give a plain path below the API root, such as 'campaigns'.");
        }

        if (path.IndexOf('\\') >= 0)
        {
            throw rules.Fail(field, $"{field} '{InputRules.Show(path)}' contains a backslash. Separate path segments with '/'.");
        }

        if (path.StartsWith("//", StringComparison.Ordinal) || path.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            if (!Uri.TryCreate(path.StartsWith("//", StringComparison.Ordinal) ? baseUri.Scheme + ":" + path : path, UriKind.Absolute, out Uri? absolute) ||
                !SameOrigin(baseUri, absolute) || !absolute.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal))
            {
                string target = absolute == null ? "another address" : absolute.GetLeftPart(UriPartial.Authority);
                throw rules.Fail(field, $"{field} points to {UrlRedactor.Redact(target)}, not below this connection's API root {UrlRedactor.Redact(baseUri)}. The key only goes to the connection's own host: give a path such as 'campaigns'.");
            }

            path = absolute.PathAndQuery.Substring(baseUri.AbsolutePath.Length);
        }

        path = path.TrimStart('/');
        string pathPart = path.Split('?', '#')[0];
        foreach (string segment in pathPart.Split('/'))
        {
            string decoded = Uri.UnescapeDataString(segment);
            if (decoded == "." || decoded == ".." || decoded.IndexOf('/') >= 0 || decoded.IndexOf('\\') >= 0)
            {
                throw rules.Fail(field, $"{field} '{InputRules.Show(path)}' has a '{InputRules.Show(segment)}' segment, which would leave the API root. Give a plain path such as 'campaigns/cmp_1'.");
            }
        }

        return path;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port;

    private static bool IsBelow(Uri root, Uri uri) =>
        SameOrigin(root, uri) && uri.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);
}
