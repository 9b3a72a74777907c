namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Loops test helpers below /_sandbox/loops.</summary>
internal sealed class LoopsControlRoutes(LoopsSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<LoopsCreateShape>(control, "/create-shape", shape => state.CreateShape = shape);
        SandboxControlRoutes.MapCampaignStatusOverride<string>(control, "/campaigns/{campaignId}/status",
            state.SetCampaignStatus, id => state.GetCampaign(id)?.Status);
        // POST {"opens": 10, "clicks": 3, ...}: engagement on a sent campaign, as its metrics then report it.
        control.MapPost("/campaigns/{campaignId}/engagement", async (HttpRequest request, string campaignId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<Dictionary<string, long>>(request);
            if (body is null)
            {
                return error;
            }
            long Get(string name) => body.GetValueOrDefault(name);
            try
            {
                var m = state.AddEngagement(campaignId, new LoopsCampaignMetrics(0, Get("opens"), Get("clicks"), Get("unsubscribes"), Get("spamReports"), Get("hardBounces"), Get("softBounces")));
                return SandboxControlRoutes.Ok(new System.Text.Json.Nodes.JsonObject { ["sends"] = m.Sends, ["opens"] = m.Opens, ["clicks"] = m.Clicks });
            }
            catch (KeyNotFoundException e)
            {
                return SandboxControlRoutes.Error(StatusCodes.Status404NotFound, e.Message);
            }
            catch (ArgumentException e)
            {
                return SandboxControlRoutes.Error(StatusCodes.Status400BadRequest, e.Message);
            }
        });
    }
}
