using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The Leads API's lead actions and lookups (pause, resume, delete, unsubscribe, category; by e-mail, a lead's campaigns,
/// categories). Success bodies: the reference's {"ok": true}, or the docs pages' {"success": true, "message"} / {"ok": true, "data"}.</summary>
internal sealed class SmartleadLeadActionRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/campaigns/{campaignId}/leads/{leadId}/pause", (string campaignId, string leadId) =>
            Done(() => state.PauseLead(campaignId, leadId), new JsonObject { ["ok"] = true, ["data"] = "success" }));
        api.MapPost("/campaigns/{campaignId}/leads/{leadId}/resume", (string campaignId, string leadId) =>
            Done(() => state.ResumeLead(campaignId, leadId), new JsonObject { ["ok"] = true, ["data"] = "success" }));
        api.MapDelete("/campaigns/{campaignId}/leads/{leadId}", (string campaignId, string leadId) =>
            Done(() => state.DeleteLead(campaignId, leadId), Message("Lead deleted from campaign successfully")));
        api.MapPost("/campaigns/{campaignId}/leads/{leadId}/unsubscribe", (string campaignId, string leadId) =>
            Done(() => state.UnsubscribeLead(campaignId, leadId), Message("Lead unsubscribed successfully")));
        api.MapPost("/campaigns/{campaignId}/leads/{leadId}/category", SetCategory);

        api.MapGet("/leads", FindByEmail);
        api.MapGet("/leads/fetch-categories", () => PlatformResponses.Json(SmartleadLeadLookupJson.Categories(state.LeadCategories, state.ReadShape)));
        api.MapGet("/leads/{leadId}/campaigns", (string leadId) => PlatformResponses.Json(SmartleadLeadLookupJson.Campaigns(state.LeadCampaigns(leadId))));
        api.MapPost("/leads/{leadId}/unsubscribe", UnsubscribeEverywhere);
    }

    private IResult SetCategory(HttpContext context, string campaignId, string leadId)
    {
        state.ViewCampaign(campaignId);
        var (categoryId, pause) = SmartleadAfterLaunchInputs.ReadCategory(CapturedRequestBody.Of(context));
        return Done(() => state.SetLeadCategory(campaignId, leadId, categoryId, pause), Message("Lead category updated"));
    }

    /// <summary>getLeadByEmail: 404 for an unknown address in the reference, {} with 200 on the docs' page.</summary>
    private IResult FindByEmail(HttpRequest request)
    {
        var email = request.Query["email"].ToString().Trim();
        if (email.Length == 0)
        {
            throw PlatformErrorException.BadRequest("email is required.");
        }
        var found = state.FindLeads(email);
        if (found.Count == 0)
        {
            return state.ReadShape == SmartleadReadShape.Docs
                ? PlatformResponses.Json(new JsonObject())
                : throw PlatformErrorException.NotFound($"Lead not found: no lead has the email {email}.");
        }
        return PlatformResponses.Json(SmartleadLeadLookupJson.ByEmail(state, found));
    }

    /// <summary>unsubscribeLeadGlobally; the docs answer {"ok": false} ("No Update") when the lead was unsubscribed already.</summary>
    private IResult UnsubscribeEverywhere(string leadId)
    {
        var changed = state.UnsubscribeEverywhere(leadId);
        return PlatformResponses.Json(new JsonObject { ["ok"] = changed || state.ReadShape == SmartleadReadShape.Reference });
    }

    private IResult Done(Action change, JsonObject docsBody)
    {
        change();
        return PlatformResponses.Json(state.ReadShape == SmartleadReadShape.Docs ? docsBody : SmartleadJson.Ok());
    }

    private static JsonObject Message(string message) => new() { ["success"] = true, ["message"] = message };
}
