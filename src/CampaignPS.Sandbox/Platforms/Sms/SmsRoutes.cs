using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Tether's campaign routes (tether-docs-openapi/paths) plus GET /api/contacts. The OpenAPI lists
/// 200 as the only success status, so every success (create included) answers 200.</summary>
internal sealed class SmsRoutes(SmsSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api/campaigns", List);
        api.MapPost("/api/campaigns", Create);
        // Literal segments win over {id}, so these two are never taken for a campaign id.
        api.MapPost("/api/campaigns/validate-contacts", ValidateContacts);
        api.MapPost("/api/campaigns/auto-segment", AutoSegment);
        api.MapGet("/api/campaigns/{id}", Get);
        api.MapPatch("/api/campaigns/{id}", Update);
        api.MapDelete("/api/campaigns/{id}", Delete);
        api.MapPost("/api/campaigns/{id}/send", Send);
        api.MapPost("/api/campaigns/{id}/cancel", Cancel);
        api.MapGet("/api/contacts", ListContacts);
        api.MapPost("/api/auth/login", SignIn);
        api.MapPost("/api/auth/refresh", Refresh);
    }

    private static readonly string[] SignInFields = ["email", "password"];
    private static readonly string[] RefreshFields = ["refreshToken"];

    // api_auth_login.yaml: 200 ApiResponse, 400 and 401 ApiError. {success, message, data: {token, refreshToken, expiresIn, user}}.
    private IResult SignIn(HttpContext context)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), SignInFields);
        var email = body.String("email");
        var password = body.String("password");
        if (!email.IsSet || !password.IsSet || email.Value.Length == 0 || password.Value.Length == 0)
        {
            throw PlatformErrorException.BadRequest("email and password are required.");
        }
        return Ok("Login successful", state.SignIn(email.Value, password.Value));
    }

    // api_auth_refresh.yaml: the refresh token in the body, or (without one) a token that still works as bearer.
    private IResult Refresh(HttpContext context)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), RefreshFields, emptyMeansEmptyObject: true);
        var refreshToken = body.NullableString("refreshToken");
        return Ok("Token refreshed", state.Refresh(refreshToken.IsSet ? refreshToken.Value : null, BearerToken.From(context.Request)));
    }

    private IResult List() =>
        Ok("Campaigns retrieved", new JsonArray(state.Campaigns.Select(c => (JsonNode)SmsJson.Campaign(c)).ToArray()));

    private IResult Create(HttpContext context)
    {
        var campaign = state.CreateCampaign(SmsInputs.ReadCampaign(CapturedRequestBody.Of(context), state.UtcNow));
        return Ok("Campaign created", SmsJson.CreatedCampaign(campaign));
    }

    private IResult Get(string id) => Ok("Campaign retrieved", SmsJson.Campaign(state.ViewCampaign(id)));

    private IResult Update(HttpContext context, string id)
    {
        state.ViewCampaign(id); // 404 before 400: an unknown campaign is reported as such whatever the body.
        var patch = SmsInputs.ReadPatch(CapturedRequestBody.Of(context), state.UtcNow);
        return Ok("Campaign updated", SmsJson.Campaign(state.UpdateCampaign(id, patch)));
    }

    private IResult Delete(string id)
    {
        state.DeleteCampaign(id);
        return Ok("Campaign deleted", new JsonObject { ["_id"] = id });
    }

    // The OpenAPI allows an optional body on send and cancel; the sandbox ignores it.
    private IResult Send(string id) => Ok("Campaign sent", SmsJson.Campaign(state.SendCampaign(id)));

    private IResult Cancel(string id) => Ok("Campaign cancelled", SmsJson.Campaign(state.CancelCampaign(id)));

    /// <summary>tether-post-api-campaigns-validate-contacts.response.json: {success, data: {seven lists}}, no message.</summary>
    private IResult ValidateContacts(HttpContext context)
    {
        var result = state.ValidateContacts(SmsInputs.ReadValidate(CapturedRequestBody.Of(context)));
        return PlatformResponses.Json(new JsonObject
        {
            ["success"] = true,
            ["data"] = new JsonObject
            {
                ["newContacts"] = new JsonArray(result.NewContacts.Select(c => c.DeepClone()).ToArray()),
                ["existingContacts"] = SmsJson.Contacts(result.ExistingContacts),
                ["assignedToOtherUsers"] = new JsonArray(),
                ["alreadyMessagedOutbound"] = SmsJson.Contacts(result.AlreadyMessagedOutbound),
                ["alreadyMessagedInbound"] = new JsonArray(),
                ["assignedToYouNotOwned"] = new JsonArray(),
                ["protectedContacts"] = SmsJson.Contacts(result.ProtectedContacts),
            },
        });
    }

    /// <summary>tether-post-api-campaigns-auto-segment.response.json: {success, segments, totalSegments, warnings}
    /// at the top level. One segment of up to 100 contacts per day, from firstSegmentDate at firstSegmentTime.</summary>
    private IResult AutoSegment(HttpContext context)
    {
        var input = SmsInputs.ReadAutoSegment(CapturedRequestBody.Of(context));
        var now = state.UtcNow;
        var segments = new JsonArray();
        var warnings = new JsonArray();
        var remaining = input.TotalContacts;
        for (var n = 1; remaining > 0; n++)
        {
            var local = input.FirstSegmentDate.AddDays(n - 1).ToDateTime(input.FirstSegmentTime, DateTimeKind.Unspecified);
            if (input.TimeZone.IsInvalidTime(local))
            {
                warnings.Add($"seg-{n}: {local:yyyy-MM-dd HH:mm} does not exist in {input.TimeZone.Id} (clock change); moved one hour later.");
                local = local.AddHours(1);
            }
            var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, input.TimeZone), TimeSpan.Zero);
            if (n == 1 && at <= now)
            {
                warnings.Add($"The first segment's time ({SmsJson.Timestamp(at)}) is in the past.");
            }
            var count = Math.Min(SmsInputs.SegmentSize, remaining);
            remaining -= count;
            segments.Add(new JsonObject { ["id"] = $"seg-{n}", ["scheduledDate"] = SmsJson.Timestamp(at), ["contactCount"] = count });
        }
        return PlatformResponses.Json(new JsonObject
        {
            ["success"] = true,
            ["segments"] = segments,
            ["totalSegments"] = segments.Count,
            ["warnings"] = warnings,
        });
    }

    private IResult ListContacts() => Ok("Contacts retrieved", SmsJson.Contacts(state.Contacts));

    private static IResult Ok(string message, JsonNode data) => PlatformResponses.Json(SmsJson.Success(message, data));
}
