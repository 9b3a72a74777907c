using System.Globalization;
using System.Net.Http.Headers;

namespace CampaignPS.Engine.Http;

/// <summary>What a response's rate-limit headers say: Retry-After, X-RateLimit-Remaining and X-RateLimit-Reset.</summary>
public sealed class RateLimitSignal
{
    internal RateLimitSignal(int? limit, int? remaining, TimeSpan? retryAfter, DateTimeOffset? resetAt)
    {
        Limit = limit;
        Remaining = remaining;
        RetryAfter = retryAfter;
        ResetAt = resetAt;
    }

    /// <summary>No rate-limit headers (or no answer at all).</summary>
    internal static RateLimitSignal None { get; } = new RateLimitSignal(null, null, null, null);

    /// <summary>Requests allowed in the current window (x-ratelimit-limit).</summary>
    public int? Limit { get; }

    /// <summary>Requests left in the current window (x-ratelimit-remaining).</summary>
    public int? Remaining { get; }

    /// <summary>How long the server asked us to wait (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>When the current window ends (x-ratelimit-reset).</summary>
    public DateTimeOffset? ResetAt { get; }

    /// <summary>
    /// The wait the server asked for, from Retry-After, else from the reset time; null when neither was sent.
    /// </summary>
    public TimeSpan? RequestedWait(DateTimeOffset now)
    {
        if (RetryAfter.HasValue)
        {
            return RetryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : RetryAfter.Value;
        }

        if (ResetAt.HasValue)
        {
            TimeSpan wait = ResetAt.Value - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Reads the headers of <paramref name="response"/>; missing or unreadable headers stay null.</summary>
    public static RateLimitSignal From(HttpResponseMessage response, DateTimeOffset now)
    {
        HttpResponseHeaders headers = response.Headers;
        TimeSpan? retryAfter = null;
        RetryConditionHeaderValue? header = headers.RetryAfter;
        if (header?.Delta != null)
        {
            retryAfter = header.Delta;
        }
        else if (header?.Date != null)
        {
            retryAfter = header.Date.Value - now;
        }

        return new RateLimitSignal(
            ReadInt(headers, "x-ratelimit-limit"),
            ReadInt(headers, "x-ratelimit-remaining"),
            retryAfter,
            ReadReset(headers, now));
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name)
    {
        string? raw = First(headers, name);
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null;
    }

    // Providers disagree on the unit of X-RateLimit-Reset: Unix seconds, Unix milliseconds or seconds to wait.
    private static DateTimeOffset? ReadReset(HttpResponseHeaders headers, DateTimeOffset now)
    {
        string? raw = First(headers, "x-ratelimit-reset");
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0)
        {
            return null;
        }

        if (value > 1e12)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)value);
        }

        return value > 1e9 ? DateTimeOffset.FromUnixTimeSeconds((long)value) : now + TimeSpan.FromSeconds(value);
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
