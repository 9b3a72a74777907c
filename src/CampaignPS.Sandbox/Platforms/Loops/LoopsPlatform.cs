using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The Loops content API (https://app.loops.so/api/v1) below /loops/api/v1.</summary>
internal sealed class LoopsPlatform(SandboxOptions options, TimeProvider time) : SandboxPlatform<LoopsSandboxState>(
    new LoopsSandboxState(time), name: "loops", displayName: "Loops", basePath: "loops/api/v1/",
    SandboxKey.Bearer(options.LoopsApiKey),
    // Loops documents 10 requests per second per team, x-ratelimit-limit and x-ratelimit-remaining, and no reset header.
    new PlatformRateLimit(
        new ArrivalRateLimiter(time, new RateWindow(options.LoopsRequestsPerSecond, TimeSpan.FromSeconds(1))),
        new RateLimitHeaderNames("x-ratelimit-limit", "x-ratelimit-remaining", Reset: null),
        SendsRetryAfter: false),
    unauthorizedMessage: "Invalid API key.",
    rateLimitedMessage: "Rate limit exceeded.")
{
    public override JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) => LoopsJson.Error(message);

    public override void MapControlRoutes(IEndpointRouteBuilder controlGroup)
    {
        new LoopsControlRoutes(State).Map(controlGroup);
        new LoopsContentRoutes(State).MapStorage(controlGroup);
    }

    protected override void MapApi(IEndpointRouteBuilder api)
    {
        new LoopsCampaignRoutes(State).Map(api);
        new LoopsEmailMessageRoutes(State).Map(api);
        new LoopsDirectoryRoutes(State).Map(api);
        new LoopsContentRoutes(State).Map(api);
    }
}
