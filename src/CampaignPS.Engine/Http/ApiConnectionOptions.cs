using System.Net;
using Microsoft.Extensions.Logging;

namespace CampaignPS.Engine.Http;

/// <summary>How to reach one platform account: where, with which key, and how patiently.</summary>
public sealed class ApiConnectionOptions
{
    /// <summary>Creates options for <paramref name="apiKey"/>; the base URI defaults to the platform's public API.</summary>
    public ApiConnectionOptions(ApiSecret apiKey) => ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));

    /// <summary>The key or token sent with every request.</summary>
    public ApiSecret ApiKey { get; }

    /// <summary>The API root (for example the sandbox's <c>http://127.0.0.1:5757/loops/api/v1/</c>); null for the platform default.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>A handler to send requests through (tests, proxies); null for the default handler.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Receives the request, response and retry log lines; null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How long one attempt may take before it counts as timed out. Default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Requests per second the client allows itself; null for the platform's documented limits, 0 for no client-side limit.</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>The limits the client keeps to (e.g. a Smartlead plan's); when set, they replace the documented ones and <see cref="RequestsPerSecond"/>.</summary>
    public IReadOnlyList<RateLimitWindow>? RateLimits { get; set; }

    /// <summary>A proxy to send every request through (ignored when <see cref="HttpMessageHandler"/> is set).</summary>
    public Uri? Proxy { get; set; }

    /// <summary>Credentials for <see cref="Proxy"/>, if it asks for them (407).</summary>
    public ICredentials? ProxyCredentials { get; set; }

    /// <summary>Answer the proxy's challenge with the signed-in user's credentials (Windows integrated authentication).</summary>
    public bool ProxyUseDefaultCredentials { get; set; }

    /// <summary>How failed attempts are retried.</summary>
    public RetryOptions Retry { get; } = new RetryOptions();
}

/// <summary>Retry settings. Which failures are retried at all is fixed by <see cref="RequestSafety"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in total, the first included. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First back-off delay when the server gives no hint; doubled per attempt with jitter. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest back-off between attempts when the server gives no hint. Default 20 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait the client accepts from Retry-After or rate-limit reset headers before giving up. Default 5 minutes.</summary>
    public TimeSpan MaxServerWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one request may keep being refused with 429 (the time from its first attempt, waits included) before it
    /// is reported as rate limited. 429 retries are bounded by this, not by <see cref="MaxAttempts"/>. Default 5 minutes.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Waits of at least this long are written as warnings, so they are visible without -Verbose. Default 5 seconds.</summary>
    public TimeSpan VisibleWait { get; set; } = TimeSpan.FromSeconds(5);
}
