using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Loops test helpers below /_sandbox/loops.</summary>
internal sealed class LoopsControlRoutes(LoopsSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        control.MapPut("/create-shape", async (HttpRequest request) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<CreateShapeBody>(request);
            if (body is null)
            {
                return error;
            }
            state.CreateShape = body.Shape;
            return SandboxControlRoutes.Ok(new JsonObject { ["shape"] = body.Shape.ToString() });
        });

        control.MapPut("/campaigns/{campaignId}/status", async (HttpRequest request, string campaignId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<StatusBody>(request);
            if (body is null)
            {
                return error;
            }
            try
            {
                state.SetCampaignStatus(campaignId, body.Status);
            }
            catch (KeyNotFoundException e)
            {
                return SandboxControlRoutes.Error(StatusCodes.Status404NotFound, e.Message);
            }
            catch (ArgumentException e)
            {
                return SandboxControlRoutes.Error(StatusCodes.Status400BadRequest, e.Message);
            }
            return SandboxControlRoutes.Ok(new JsonObject { ["id"] = campaignId, ["status"] = state.GetCampaign(campaignId)?.Status });
        });
    }

    private sealed record CreateShapeBody([property: JsonRequired] LoopsCreateShape Shape);

    private sealed record StatusBody([property: JsonRequired] string Status);
}
