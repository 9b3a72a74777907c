namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Smartlead test helpers below /_sandbox/smartlead.</summary>
internal sealed class SmartleadControlRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<SmartleadErrorShape>(control, "/error-shape", shape => state.ErrorShape = shape);
        SandboxControlRoutes.MapShapeSwitch<SmartleadLeadsResponseShape>(control, "/leads-response-shape", shape => state.LeadsResponseShape = shape);
        SandboxControlRoutes.MapCampaign<long, SmartleadCampaign>(control, "/campaigns/{campaignId:long}",
            state.Campaign, campaignId => $"No Smartlead campaign has id {campaignId}.");
        SandboxControlRoutes.MapCampaignStatusOverride<long>(control, "/campaigns/{campaignId:long}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
    }
}
