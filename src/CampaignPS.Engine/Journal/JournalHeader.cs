namespace CampaignPS.Engine.Journal;

/// <summary>
/// What a journal belongs to: the cmdlet, the connection's platform and API root (never its key), and a hash of
/// the parameters given on the command line, so that a journal from another pipeline is refused.
/// </summary>
public sealed class JournalHeader
{
    /// <summary>Creates a header.</summary>
    public JournalHeader(string cmdlet, string platform, string endpoint, string scope)
    {
        Cmdlet = cmdlet ?? throw new ArgumentNullException(nameof(cmdlet));
        Platform = platform ?? throw new ArgumentNullException(nameof(platform));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>The cmdlet name, e.g. New-LoopsCampaign.</summary>
    public string Cmdlet { get; }

    /// <summary>The platform, e.g. Loops.</summary>
    public string Platform { get; }

    /// <summary>The API root: scheme, host, port and path; no user info, query or fragment.</summary>
    public string Endpoint { get; }

    /// <summary>A hash of the parameters that apply to every row (see <see cref="JournalRowKey.Hash"/>).</summary>
    public string Scope { get; }

    /// <summary>The API root of <paramref name="baseUri"/> as a journal records it (no user info, query or fragment).</summary>
    public static string EndpointOf(Uri baseUri)
    {
        if (baseUri == null)
        {
            throw new ArgumentNullException(nameof(baseUri));
        }

        return baseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }

    /// <summary>What differs from <paramref name="other"/> (the journal's), in words; null when they match.</summary>
    public string? DifferenceFrom(JournalHeader other)
    {
        if (!string.Equals(Cmdlet, other.Cmdlet, StringComparison.OrdinalIgnoreCase))
        {
            return $"it was written by {other.Cmdlet}, not {Cmdlet}";
        }

        if (!string.Equals(Platform, other.Platform, StringComparison.OrdinalIgnoreCase) || !string.Equals(Endpoint, other.Endpoint, StringComparison.OrdinalIgnoreCase))
        {
            return $"it was written against {other.Platform} at {other.Endpoint}, not {Platform} at {Endpoint}";
        }

        if (!string.Equals(Scope, other.Scope, StringComparison.Ordinal))
        {
            return "it was written with other parameters on the command line (those that apply to every row)";
        }

        return null;
    }
}
