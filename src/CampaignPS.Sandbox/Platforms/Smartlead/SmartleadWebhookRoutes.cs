namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign webhooks as the docs' campaign pages document them (not in the reference's OpenAPI).</summary>
internal sealed class SmartleadWebhookRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns/{campaignId}/webhooks", (string campaignId) =>
            PlatformResponses.Json(SmartleadWebhookJson.List(state.ViewWebhooks(campaignId), state.ReadShape)));
        api.MapPost("/campaigns/{campaignId}/webhooks", (HttpContext context, string campaignId) =>
        {
            state.ViewCampaign(campaignId);
            return PlatformResponses.Json(SmartleadWebhookJson.Saved(state.SaveWebhook(campaignId, SmartleadAfterLaunchInputs.ReadWebhook(CapturedRequestBody.Of(context)))));
        });
        api.MapDelete("/campaigns/{campaignId}/webhooks/{webhookId}", (string campaignId, string webhookId) =>
        {
            state.DeleteWebhook(campaignId, webhookId);
            return PlatformResponses.Json(new System.Text.Json.Nodes.JsonObject { ["success"] = true, ["message"] = "Webhook deleted successfully" });
        });
    }
}
