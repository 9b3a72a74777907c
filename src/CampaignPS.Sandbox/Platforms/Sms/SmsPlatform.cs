using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Tether's API (the customer's own instance, e.g. https://your-instance.example.com) below /sms:
/// the docs' /api/campaigns is /sms/api/campaigns here.</summary>
internal sealed class SmsPlatform : ISandboxPlatform
{
    private const string BaseRoute = "/sms";

    private readonly byte[] _token;
    private readonly string _connectionHint;

    public SmsPlatform(SandboxOptions options, TimeProvider time)
    {
        _token = Encoding.UTF8.GetBytes(options.SmsToken);
        _connectionHint = $"token: {options.SmsToken} (Authorization: Bearer TOKEN)";
        State = new SmsSandboxState(time);
    }

    public SmsSandboxState State { get; }

    public string Name => "sms";

    public string DisplayName => "SMS (Tether)";

    public string BasePath => "sms/";

    public string ConnectionHint => _connectionHint;

    public string UnauthorizedMessage => "Not authorized: invalid or expired token.";

    public string RateLimitedMessage => "Too many requests, please try again later.";

    public bool SendsRetryAfterWhenRateLimited => false;

    // Tether documents no rate limit: nothing is enforced and no rate-limit headers are sent.
    public ArrivalRateLimiter? RateLimiter => null;

    public RateLimitHeaderNames? RateLimitHeaders => null;

    /// <summary>bearerAuth.yaml: <c>Authorization: Bearer JWT</c>; the sandbox accepts its one fixed token.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var token = BearerToken.From(request);
        return token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token)
            ? token
            : null;
    }

    public JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        SmsJson.Error(State.ErrorShape, statusCode, message, code: null);

    public JsonNode ErrorBody(PlatformErrorException error) =>
        SmsJson.Error(State.ErrorShape, error.StatusCode, error.Message, error.Code);

    public void MapRoutes(IEndpointRouteBuilder endpoints) => new SmsRoutes(State).Map(endpoints.MapGroup(BaseRoute));

    public void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new SmsControlRoutes(State).Map(controlGroup);

    public void Reset() => State.Reset();
}
