using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Tether's API (the customer's own instance, e.g. https://your-instance.example.com) below /sms:
/// the docs' /api/campaigns is /sms/api/campaigns here.</summary>
internal sealed class SmsPlatform(SandboxOptions options, TimeProvider time) : SandboxPlatform<SmsSandboxState>(
    new SmsSandboxState(time), name: "sms", displayName: "SMS (Tether)", basePath: "sms/",
    // bearerAuth.yaml: Authorization: Bearer JWT; the sandbox accepts its one fixed token.
    SandboxKey.Bearer(options.SmsToken, label: "token", how: "Authorization: Bearer TOKEN"),
    // Tether documents no rate limit: nothing is enforced and no rate-limit headers are sent.
    rateLimit: null,
    unauthorizedMessage: "Not authorized: invalid or expired token.",
    rateLimitedMessage: "Too many requests, please try again later.")
{
    /// <summary>The sign-in routes need no token; elsewhere the fixed token or an issued one that has not expired.</summary>
    public override string? Authenticate(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.EndsWith("/api/auth/login", StringComparison.Ordinal) || path.EndsWith("/api/auth/refresh", StringComparison.Ordinal))
        {
            return "sign-in";
        }
        return base.Authenticate(request) ?? (BearerToken.From(request) is { } token && State.IsValidToken(token) ? token : null);
    }

    public override JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        SmsJson.Error(State.ErrorShape, statusCode, message, code: null);

    public override JsonNode ErrorBody(PlatformErrorException error) =>
        SmsJson.Error(State.ErrorShape, error.StatusCode, error.Message, error.Code);

    public override void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new SmsControlRoutes(State).Map(controlGroup);

    protected override void MapApi(IEndpointRouteBuilder api) => new SmsRoutes(State).Map(api);
}
