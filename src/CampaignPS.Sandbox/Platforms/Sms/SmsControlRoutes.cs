namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>SMS (Tether) test helpers below /_sandbox/sms.</summary>
internal sealed class SmsControlRoutes(SmsSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<SmsErrorShape>(control, "/error-shape", shape => state.ErrorShape = shape);
        SandboxControlRoutes.MapCampaign<string, SmsCampaign>(control, "/campaigns/{campaignId}",
            state.Campaign, campaignId => $"No SMS campaign has id \"{campaignId}\".");
        SandboxControlRoutes.MapRecords(control, "/contacts", "contacts", () => state.Contacts);
        SandboxControlRoutes.MapCampaignStatusOverride<string>(control, "/campaigns/{campaignId}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
    }
}
