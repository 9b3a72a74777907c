using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox;

/// <summary>What every stand-in API shares: its names, its key check, its rate limit, the group its routes are
/// mapped in and the reset. A platform passes its facts to the constructor and writes its error body and routes.</summary>
internal abstract class SandboxPlatform<TState>(
    TState state,
    string name,
    string displayName,
    string basePath,
    SandboxKey key,
    PlatformRateLimit? rateLimit,
    string unauthorizedMessage,
    string rateLimitedMessage) : ISandboxPlatform
    where TState : SandboxState
{
    public TState State { get; } = state;

    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    public string BasePath { get; } = basePath;

    public string ConnectionHint => Key.ConnectionHint;

    public string UnauthorizedMessage { get; } = unauthorizedMessage;

    public string RateLimitedMessage { get; } = rateLimitedMessage;

    public PlatformRateLimit? RateLimit { get; } = rateLimit;

    /// <summary>The path the API's routes are mapped below, e.g. "/loops/api/v1".</summary>
    protected string BaseRoute => "/" + BasePath.TrimEnd('/');

    protected SandboxKey Key { get; } = key;

    public virtual string? Authenticate(HttpRequest request) => Key.Authenticate(request);

    public abstract JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter);

    /// <summary>Platforms whose errors name the offending field or carry a code override this; the default ignores both.</summary>
    public virtual JsonNode ErrorBody(PlatformErrorException error) => ErrorBody(error.StatusCode, error.Message, retryAfter: null);

    public void MapRoutes(IEndpointRouteBuilder endpoints) => MapApi(endpoints.MapGroup(BaseRoute));

    public abstract void MapControlRoutes(IEndpointRouteBuilder controlGroup);

    public void Reset()
    {
        State.Reset();
        RateLimit?.Limiter.Reset();
    }

    /// <summary>Maps the API's routes, relative to <see cref="BaseRoute"/>.</summary>
    protected abstract void MapApi(IEndpointRouteBuilder api);
}
