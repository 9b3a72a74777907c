using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>The Outbox API (https://api.getoutbox.ai) below /outbox.</summary>
internal sealed class OutboxPlatform : ISandboxPlatform
{
    private const string BaseRoute = "/outbox";

    private readonly byte[] _apiKey;
    private readonly string _connectionHint;

    public OutboxPlatform(SandboxOptions options, TimeProvider time)
    {
        _apiKey = Encoding.UTF8.GetBytes(options.OutboxApiKey);
        _connectionHint = $"key: {options.OutboxApiKey} (Authorization: Bearer KEY, or the bare key)";
        State = new OutboxSandboxState(time);
    }

    public OutboxSandboxState State { get; }

    public string Name => "outbox";

    public string DisplayName => "Outbox";

    public string BasePath => "outbox/";

    public string ConnectionHint => _connectionHint;

    public string UnauthorizedMessage => "Invalid API key.";

    // Django REST framework's throttling message (assumed, like the rest of the error shape).
    public string RateLimitedMessage => "Request was throttled.";

    public bool SendsRetryAfterWhenRateLimited => true;

    // Outbox documents no rate limit: nothing is enforced and no rate-limit headers are sent.
    public ArrivalRateLimiter? RateLimiter => null;

    public RateLimitHeaderNames? RateLimitHeaders => null;

    /// <summary>The campaign and sender pages document <c>Authorization: Bearer KEY</c>, the contacts page
    /// <c>Authorization: KEY</c>. Every route accepts both (the contacts route as <see cref="OutboxSandboxState.StrictContactsAuth"/>
    /// says), and every attempt's form is recorded in <see cref="OutboxSandboxState.AuthForms"/>.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        var (form, key) = BearerToken.From(request) is { } bearer ? (OutboxAuthForm.Bearer, bearer)
            : header.Length > 0 ? (OutboxAuthForm.Raw, header)
            : (OutboxAuthForm.None, null);

        var formAllowed = !request.Path.StartsWithSegments(BaseRoute + "/contacts", StringComparison.OrdinalIgnoreCase)
            || State.StrictContactsAuth switch
            {
                OutboxContactsAuth.RawOnly => form == OutboxAuthForm.Raw,
                OutboxContactsAuth.BearerOnly => form == OutboxAuthForm.Bearer,
                _ => true,
            };
        var accepted = key is not null && formAllowed && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _apiKey);
        State.RecordAuth(request.Method, request.Path.Value ?? "", form, accepted);
        return accepted ? key : null;
    }

    public JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        OutboxJson.Error(
            statusCode,
            retryAfter is { } wait ? $"{message} Expected available in {Math.Ceiling(wait.TotalSeconds):0} seconds." : message,
            field: null);

    public JsonNode ErrorBody(PlatformErrorException error) => OutboxJson.Error(error.StatusCode, error.Message, error.Field);

    public void MapRoutes(IEndpointRouteBuilder endpoints) => new OutboxRoutes(State).Map(endpoints.MapGroup(BaseRoute));

    public void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new OutboxControlRoutes(State).Map(controlGroup);

    public void Reset() => State.Reset();
}
