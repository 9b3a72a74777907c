using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The Smartlead API (https://server.smartlead.ai/api/v1) below /smartlead/api/v1.</summary>
internal sealed class SmartleadPlatform : ISandboxPlatform
{
    private const string BaseRoute = "/smartlead/api/v1";

    private readonly byte[] _apiKey;
    private readonly string _connectionHint;

    public SmartleadPlatform(SandboxOptions options, TimeProvider time)
    {
        _apiKey = Encoding.UTF8.GetBytes(options.SmartleadApiKey);
        _connectionHint = $"key: {options.SmartleadApiKey} (as ?api_key=)";
        State = new SmartleadSandboxState(time);
        // Rate-limits file (standard tier), per API key and shared by all endpoints: 60/min and 1000/h
        // with a burst of 10/s.
        RateLimiter = new ArrivalRateLimiter(
            time,
            new RateWindow(options.SmartleadRequestsPerSecond, TimeSpan.FromSeconds(1)),
            new RateWindow(options.SmartleadRequestsPerMinute, TimeSpan.FromMinutes(1)),
            new RateWindow(options.SmartleadRequestsPerHour, TimeSpan.FromHours(1)));
    }

    public SmartleadSandboxState State { get; }

    public string Name => "smartlead";

    public string DisplayName => "Smartlead";

    public string BasePath => "smartlead/api/v1/";

    public string ConnectionHint => _connectionHint;

    // The OpenAPI's UnauthorizedError example.
    public string UnauthorizedMessage => "Invalid API Key";

    // The OpenAPI's RateLimitError example.
    public string RateLimitedMessage => "Too many requests. Please slow down and retry later.";

    public bool SendsRetryAfterWhenRateLimited => true;

    public ArrivalRateLimiter RateLimiter { get; }

    // Rate-limits file: X-RateLimit-Limit / -Remaining, and X-RateLimit-Reset as a Unix timestamp. With
    // three windows the headers describe the one closest to its limit, so Remaining is what may be sent now.
    public RateLimitHeaderNames RateLimitHeaders { get; } = new("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");

    /// <summary>Conventions file: the key travels as the api_key query parameter; no header alternative.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var key = request.Query["api_key"];
        return key.Count == 1 && key[0] is { Length: > 0 } token
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey)
            ? token
            : null;
    }

    public JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        SmartleadJson.Error(State.ErrorShape, statusCode, message, retryAfter);

    public void MapRoutes(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(BaseRoute);
        new SmartleadCampaignRoutes(State).Map(api);
        new SmartleadLeadRoutes(State).Map(api);
    }

    public void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new SmartleadControlRoutes(State).Map(controlGroup);

    public void Reset()
    {
        State.Reset();
        RateLimiter.Reset();
    }
}
