namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Loops test helpers below /_sandbox/loops.</summary>
internal sealed class LoopsControlRoutes(LoopsSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<LoopsCreateShape>(control, "/create-shape", shape => state.CreateShape = shape);
        SandboxControlRoutes.MapCampaignStatusOverride<string>(control, "/campaigns/{campaignId}/status",
            state.SetCampaignStatus, id => state.GetCampaign(id)?.Status);
    }
}
