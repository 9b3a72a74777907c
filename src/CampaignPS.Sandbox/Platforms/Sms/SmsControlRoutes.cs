using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>SMS (Tether) test helpers below /_sandbox/sms.</summary>
internal sealed class SmsControlRoutes(SmsSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<SmsErrorShape>(control, "/error-shape", shape => state.ErrorShape = shape);

        control.MapGet("/campaigns/{campaignId}", (string campaignId) =>
            state.Campaign(campaignId) is { } campaign
                ? SandboxControlRoutes.Ok(new JsonObject { ["campaign"] = JsonSerializer.SerializeToNode(campaign, SandboxJson.Options) })
                : SandboxControlRoutes.Error(StatusCodes.Status404NotFound, $"No SMS campaign has id \"{campaignId}\"."));

        control.MapGet("/contacts", () =>
            SandboxControlRoutes.Ok(new JsonObject { ["contacts"] = JsonSerializer.SerializeToNode(state.Contacts, SandboxJson.Options) }));

        SandboxControlRoutes.MapCampaignStatusOverride<string>(control, "/campaigns/{campaignId}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
    }
}
