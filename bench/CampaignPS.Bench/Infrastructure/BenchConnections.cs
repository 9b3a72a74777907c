using CampaignPS.Engine.Http;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>Connection options as Connect-Loops / Connect-Smartlead build them, pointed at a sandbox.</summary>
internal static class BenchConnections
{
    /// <summary>
    /// Options paced to <paramref name="requestsPerSecond"/> the way a plan's documented limit is
    /// (RateLimits: a window of N per second, kept with the limiter's headroom); 0 for no client-side pacing.
    /// Retries keep the module's defaults.
    /// </summary>
    public static ApiConnectionOptions Options(Uri baseUri, string apiKey, int requestsPerSecond) => new(ApiSecret.FromString(apiKey))
    {
        BaseUri = baseUri,
        RequestTimeout = TimeSpan.FromSeconds(30),
        RateLimits = requestsPerSecond > 0 ? [new RateLimitWindow(requestsPerSecond, TimeSpan.FromSeconds(1))] : [],
    };

    public static ApiConnectionOptions Loops(SandboxServer sandbox, int requestsPerSecond) =>
        Options(sandbox.LoopsBaseUri, SandboxServer.DefaultLoopsApiKey, requestsPerSecond);

    public static ApiConnectionOptions Smartlead(Uri smartleadBaseUri, int requestsPerSecond) =>
        Options(smartleadBaseUri, SandboxServer.DefaultSmartleadApiKey, requestsPerSecond);

    /// <summary>Throttle limit for a run: enough requests in flight to cover the limit over one round trip, twice over, at least 4.</summary>
    public static int ThrottleFor(int requestsPerSecond, TimeSpan latency) =>
        Math.Max(4, (int)Math.Ceiling(2 * requestsPerSecond * latency.TotalSeconds));
}
