namespace CampaignPS.Sandbox;

/// <summary>A platform's documented rate limit: the windows it counts per caller, the headers that report them on
/// every admitted or throttled request, and whether its own 429s send Retry-After.</summary>
internal sealed record PlatformRateLimit(ArrivalRateLimiter Limiter, RateLimitHeaderNames Headers, bool SendsRetryAfter);

/// <summary>Header names for <see cref="RateDecision"/>: limit and remaining of the tightest window, and
/// optionally its reset time as Unix seconds (null: the platform sends no reset header).</summary>
internal sealed record RateLimitHeaderNames(string Limit, string Remaining, string? Reset);
