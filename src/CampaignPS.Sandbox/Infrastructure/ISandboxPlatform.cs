using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox;

/// <summary>One stand-in API, as the shared request pipeline and the server see it. The pipeline does request ids,
/// logging, latency, faults, auth and rate limiting for it; the platform supplies its routes, credentials and error
/// shape. Platforms derive from <see cref="SandboxPlatform{TState}"/>.</summary>
internal interface ISandboxPlatform
{
    /// <summary>First path segment that routes a request to this platform, e.g. "loops".</summary>
    string Name { get; }

    /// <summary>Name printed on the console, e.g. "Loops".</summary>
    string DisplayName { get; }

    /// <summary>API base path relative to the sandbox root, with a trailing slash, e.g. "loops/api/v1/".</summary>
    string BasePath { get; }

    /// <summary>How to connect, printed on the console next to the base URL, e.g. "key: sandbox-loops-key".</summary>
    string ConnectionHint { get; }

    string UnauthorizedMessage { get; }

    string RateLimitedMessage { get; }

    /// <summary>The platform's documented rate limit, or null when it documents none: then nothing is
    /// enforced and no rate-limit headers are sent (injected RateLimited faults still work).</summary>
    PlatformRateLimit? RateLimit { get; }

    /// <summary>The caller's rate-limit partition (normally its API key), or null when the request is not authorised.</summary>
    string? Authenticate(HttpRequest request);

    /// <summary>The platform's error body; <paramref name="retryAfter"/> is set on 429s that send Retry-After.</summary>
    JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter);

    /// <summary>The error body for a <see cref="PlatformErrorException"/> thrown by a route.</summary>
    JsonNode ErrorBody(PlatformErrorException error);

    void MapRoutes(IEndpointRouteBuilder endpoints);

    /// <summary>Maps platform-specific test helpers below /_sandbox/{Name}.</summary>
    void MapControlRoutes(IEndpointRouteBuilder controlGroup);

    /// <summary>Drops all state and rate-limit history and re-seeds the fixed data.</summary>
    void Reset();
}
