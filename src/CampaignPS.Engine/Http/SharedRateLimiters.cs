using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CampaignPS.Engine.Http;

/// <summary>
/// One limiter per platform, API root, key and limits within the process: a server counts a key's requests, not a
/// connection's, so two connections (two thread jobs, two runspaces) made with the same key pace together. Keyed by
/// a SHA-256 of those facts, never by the key itself.
/// </summary>
internal static class SharedRateLimiters
{
    private static readonly ConcurrentDictionary<string, RequestRateLimiter> Limiters = new ConcurrentDictionary<string, RequestRateLimiter>(StringComparer.Ordinal);

    /// <summary>The limiter for a connection, or null when it does not pace itself.</summary>
    public static RequestRateLimiter? For(PlatformInfo platform, Uri baseUri, ApiConnectionOptions options)
    {
        IReadOnlyList<RateLimitWindow>? windows = options.RateLimits;
        double? perSecond = null;
        if (windows == null)
        {
            if (options.RequestsPerSecond.HasValue)
            {
                perSecond = options.RequestsPerSecond.Value;
            }
            else
            {
                windows = platform.DocumentedLimits;
            }
        }

        if ((windows != null && windows.Count == 0) || (perSecond.HasValue && perSecond.Value <= 0))
        {
            return null;
        }

        string limits = perSecond.HasValue
            ? perSecond.Value.ToString("R", CultureInfo.InvariantCulture) + "/s"
            : string.Join(",", windows!.Select(w => w.ToString()));
        string key = Hash(platform.ErrorIdPrefix, baseUri.AbsoluteUri, options.ApiKey.Reveal(), limits);
        return Limiters.GetOrAdd(key, _ => perSecond.HasValue ? new RequestRateLimiter(perSecond.Value) : new RequestRateLimiter(windows!));
    }

    private static string Hash(params string[] parts)
    {
        using var sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", parts)));
        return string.Concat(digest.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
