using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The Smartlead API (https://server.smartlead.ai/api/v1) below /smartlead/api/v1.</summary>
internal sealed class SmartleadPlatform(SandboxOptions options, TimeProvider time) : SandboxPlatform<SmartleadSandboxState>(
    new SmartleadSandboxState(time), name: "smartlead", displayName: "Smartlead", basePath: "smartlead/api/v1/",
    // Conventions file: the key travels as the api_key query parameter; no header alternative.
    SandboxKey.Query(options.SmartleadApiKey, "api_key"),
    // Rate-limits file (standard tier), per API key and shared by all endpoints: 60/min and 1000/h with a burst of
    // 10/s. X-RateLimit-Limit / -Remaining, and X-RateLimit-Reset as a Unix timestamp: with three windows the
    // headers describe the one closest to its limit, so Remaining is what may be sent now.
    new PlatformRateLimit(
        new ArrivalRateLimiter(
            time,
            new RateWindow(options.SmartleadRequestsPerSecond, TimeSpan.FromSeconds(1)),
            new RateWindow(options.SmartleadRequestsPerMinute, TimeSpan.FromMinutes(1)),
            new RateWindow(options.SmartleadRequestsPerHour, TimeSpan.FromHours(1))),
        new RateLimitHeaderNames("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"),
        SendsRetryAfter: true),
    // The OpenAPI's UnauthorizedError and RateLimitError examples.
    unauthorizedMessage: "Invalid API Key",
    rateLimitedMessage: "Too many requests. Please slow down and retry later.")
{
    public override JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        SmartleadJson.Error(State.ErrorShape, statusCode, message, retryAfter);

    public override void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new SmartleadControlRoutes(State).Map(controlGroup);

    protected override void MapApi(IEndpointRouteBuilder api)
    {
        new SmartleadCampaignRoutes(State).Map(api);
        new SmartleadLeadRoutes(State).Map(api);
        new SmartleadLeadActionRoutes(State).Map(api);
        new SmartleadStatisticsRoutes(State).Map(api);
        new SmartleadWebhookRoutes(State).Map(api);
        new SmartleadMailboxRoutes(State).Map(api);
    }
}
