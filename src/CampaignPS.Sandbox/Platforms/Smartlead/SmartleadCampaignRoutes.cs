using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign routes of the OpenAPI smartlead-ai-campaigns-api-openapi.yml. Configuration calls
/// answer the spec's <c>{"ok": true}</c>; create answers <c>{ok, id, name, created_at}</c> with 200.</summary>
internal sealed class SmartleadCampaignRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        // The spec's path is /v1/campaigns/ (trailing slash); routing matches it with or without the slash.
        api.MapGet("/campaigns", List);
        api.MapPost("/campaigns/create", Create);
        api.MapGet("/campaigns/{campaignId}", Get);
        api.MapDelete("/campaigns/{campaignId}", Delete);

        // API reference: POST with START | PAUSED | STOPPED. A tutorial sample sends PATCH with ACTIVE;
        // both methods accept all four values (ACTIVE means START). The response is the reference's {"ok": true}.
        api.MapPost("/campaigns/{campaignId}/status", ChangeStatus);
        api.MapPatch("/campaigns/{campaignId}/status", ChangeStatus);

        api.MapGet("/campaigns/{campaignId}/sequences", GetSequences);
        api.MapPost("/campaigns/{campaignId}/sequences", SaveSequences);

        api.MapGet("/campaigns/{campaignId}/email-accounts", GetEmailAccounts);
        api.MapPost("/campaigns/{campaignId}/email-accounts", AddEmailAccounts);
        api.MapDelete("/campaigns/{campaignId}/email-accounts", RemoveEmailAccounts);

        api.MapPost("/campaigns/{campaignId}/schedule", SaveSchedule);
        api.MapPost("/campaigns/{campaignId}/settings", SaveSettings);
    }

    private IResult List(HttpRequest request)
    {
        var clientId = SmartleadQuery.Integer(request, "client_id");
        var includeTags = SmartleadQuery.Boolean(request, "include_tags");
        // The spec: a bare array, newest (highest id) first.
        return PlatformResponses.Json(new JsonArray(
            state.ViewCampaigns(clientId).Select(c => (JsonNode)SmartleadJson.Campaign(c, includeTags)).ToArray()));
    }

    private IResult Create(HttpContext context)
    {
        var (name, clientId) = SmartleadInputs.ReadCreate(CapturedRequestBody.Of(context));
        var campaign = state.CreateCampaign(name, clientId);
        return PlatformResponses.Json(SmartleadJson.Ok(new JsonObject
        {
            ["id"] = campaign.Id,
            ["name"] = campaign.Name,
            ["created_at"] = SmartleadJson.Timestamp(campaign.CreatedAt),
        }));
    }

    private IResult Get(HttpRequest request, string campaignId) =>
        PlatformResponses.Json(SmartleadJson.Campaign(state.ViewCampaign(campaignId), SmartleadQuery.Boolean(request, "include_tags")));

    private IResult Delete(string campaignId)
    {
        state.DeleteCampaign(campaignId);
        return PlatformResponses.Json(SmartleadJson.Ok(new JsonObject { ["message"] = "Campaign deleted successfully" }));
    }

    private IResult ChangeStatus(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.ChangeStatus(campaignId, SmartleadInputs.ReadStatus(CapturedRequestBody.Of(context))));

    private IResult GetSequences(string campaignId) =>
        PlatformResponses.Json(SmartleadJson.Sequences(state.ViewCampaign(campaignId), state.ReadShape));

    private IResult SaveSequences(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.SaveSequences(campaignId, SmartleadInputs.ReadSequences(CapturedRequestBody.Of(context))));

    /// <summary>The reference's bare list, or the docs' {"ok": true, "data": [...]} (get-email-accounts.mdx).</summary>
    private IResult GetEmailAccounts(string campaignId)
    {
        var accounts = new JsonArray(
            state.ViewEmailAccounts(campaignId).Select(a => (JsonNode)SmartleadMailboxJson.Account(state, a, state.ReadShape)).ToArray());
        return PlatformResponses.Json(state.ReadShape == SmartleadReadShape.Docs ? SmartleadJson.Ok(new JsonObject { ["data"] = accounts }) : accounts);
    }

    private IResult AddEmailAccounts(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.AddEmailAccounts(campaignId, SmartleadInputs.ReadEmailAccountIds(CapturedRequestBody.Of(context))));

    private IResult RemoveEmailAccounts(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.RemoveEmailAccounts(campaignId, SmartleadInputs.ReadEmailAccountIds(CapturedRequestBody.Of(context))));

    private IResult SaveSchedule(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.SaveSchedule(campaignId, SmartleadInputs.ReadSchedule(CapturedRequestBody.Of(context))));

    private IResult SaveSettings(HttpContext context, string campaignId) =>
        Configure(campaignId, () => state.SaveSettings(campaignId, SmartleadInputs.ReadSettings(CapturedRequestBody.Of(context))));

    /// <summary>A configuration call: the campaign must exist (404 before 400: an unknown campaign is reported as
    /// such whatever the body), then the body is read and applied; the answer is the spec's <c>{"ok": true}</c>.</summary>
    private IResult Configure(string campaignId, Action readAndApply)
    {
        state.ViewCampaign(campaignId);
        readAndApply();
        return PlatformResponses.Json(SmartleadJson.Ok());
    }
}
