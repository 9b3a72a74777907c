using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>The Outbox API (https://api.getoutbox.ai) below /outbox.</summary>
internal sealed class OutboxPlatform(SandboxOptions options, TimeProvider time) : SandboxPlatform<OutboxSandboxState>(
    new OutboxSandboxState(time), name: "outbox", displayName: "Outbox", basePath: "outbox/",
    SandboxKey.BearerOrBare(options.OutboxApiKey),
    // Outbox documents no rate limit: nothing is enforced and no rate-limit headers are sent.
    rateLimit: null,
    unauthorizedMessage: "Invalid API key.",
    // Django REST framework's throttling message (assumed, like the rest of the error shape).
    rateLimitedMessage: "Request was throttled.")
{
    /// <summary>The campaign and sender pages document <c>Authorization: Bearer KEY</c>, the contacts page
    /// <c>Authorization: KEY</c>. Every route accepts both (the contacts route as <see cref="OutboxSandboxState.StrictContactsAuth"/>
    /// says), and every attempt's form is recorded in <see cref="OutboxSandboxState.AuthForms"/>.</summary>
    public override string? Authenticate(HttpRequest request)
    {
        var form = BearerToken.From(request) is not null ? OutboxAuthForm.Bearer
            : request.Headers.Authorization.ToString().Trim().Length > 0 ? OutboxAuthForm.Raw
            : OutboxAuthForm.None;
        var formAllowed = !request.Path.StartsWithSegments(BaseRoute + "/contacts", StringComparison.OrdinalIgnoreCase)
            || State.StrictContactsAuth switch
            {
                OutboxContactsAuth.RawOnly => form == OutboxAuthForm.Raw,
                OutboxContactsAuth.BearerOnly => form == OutboxAuthForm.Bearer,
                _ => true,
            };
        var key = formAllowed ? Key.Authenticate(request) : null;
        State.RecordAuth(request.Method, request.Path.Value ?? "", form, accepted: key is not null);
        return key;
    }

    public override JsonNode ErrorBody(int statusCode, string message, TimeSpan? retryAfter) =>
        OutboxJson.Error(
            statusCode,
            retryAfter is { } wait ? $"{message} Expected available in {Math.Ceiling(wait.TotalSeconds):0} seconds." : message,
            field: null);

    public override JsonNode ErrorBody(PlatformErrorException error) => OutboxJson.Error(error.StatusCode, error.Message, error.Field);

    public override void MapControlRoutes(IEndpointRouteBuilder controlGroup) => new OutboxControlRoutes(State).Map(controlGroup);

    protected override void MapApi(IEndpointRouteBuilder api) => new OutboxRoutes(State).Map(api);
}
