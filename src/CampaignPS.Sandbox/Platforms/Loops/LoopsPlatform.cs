using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The Loops content API (https://app.loops.so/api/v1) below /loops/api/v1.</summary>
internal sealed class LoopsPlatform : ISandboxPlatform
{
    private const string BaseRoute = "/loops/api/v1";

    private readonly byte[] _apiKey;
    private readonly string _connectionHint;

    public LoopsPlatform(SandboxOptions options, TimeProvider time)
    {
        _apiKey = Encoding.UTF8.GetBytes(options.LoopsApiKey);
        _connectionHint = $"key: {options.LoopsApiKey}";
        State = new LoopsSandboxState(time);
        // Loops documents 10 requests per second per team.
        RateLimiter = new ArrivalRateLimiter(time, new RateWindow(options.LoopsRequestsPerSecond, TimeSpan.FromSeconds(1)));
    }

    public LoopsSandboxState State { get; }

    public string Name => "loops";

    public string DisplayName => "Loops";

    public string BasePath => "loops/api/v1/";

    public string ConnectionHint => _connectionHint;

    public string UnauthorizedMessage => "Invalid API key.";

    public string RateLimitedMessage => "Rate limit exceeded.";

    public bool SendsRetryAfterWhenRateLimited => false;

    public ArrivalRateLimiter RateLimiter { get; }

    // Loops documents x-ratelimit-limit and x-ratelimit-remaining, and no reset header.
    public RateLimitHeaderNames RateLimitHeaders { get; } = new("x-ratelimit-limit", "x-ratelimit-remaining", Reset: null);

    public string? Authenticate(HttpRequest request)
    {
        var token = BearerToken.From(request);
        return token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey)
            ? token
            : null;
    }

    public JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) => LoopsJson.Error(message);

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(BaseRoute);
        new LoopsCampaignRoutes(State).Map(api);
        new LoopsEmailMessageRoutes(State).Map(api);
        new LoopsDirectoryRoutes(State).Map(api);
    }

    public void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new LoopsControlRoutes(State).Map(controlGroup);

    public void Reset()
    {
        State.Reset();
        RateLimiter.Reset();
    }
}
