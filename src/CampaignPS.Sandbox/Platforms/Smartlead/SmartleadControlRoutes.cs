using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Smartlead test helpers below /_sandbox/smartlead.</summary>
internal sealed class SmartleadControlRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        control.MapPut("/error-shape", async (HttpRequest request) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<ErrorShapeBody>(request);
            if (body is null)
            {
                return error;
            }
            state.ErrorShape = body.Shape;
            return SandboxControlRoutes.Ok(new JsonObject { ["shape"] = body.Shape.ToString() });
        });

        control.MapPut("/leads-response-shape", async (HttpRequest request) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<LeadsShapeBody>(request);
            if (body is null)
            {
                return error;
            }
            state.LeadsResponseShape = body.Shape;
            return SandboxControlRoutes.Ok(new JsonObject { ["shape"] = body.Shape.ToString() });
        });

        control.MapGet("/campaigns/{campaignId:long}", (long campaignId) =>
            state.Campaign(campaignId) is { } campaign
                ? SandboxControlRoutes.Ok(new JsonObject { ["campaign"] = JsonSerializer.SerializeToNode(campaign, SandboxJson.Options) })
                : SandboxControlRoutes.Error(StatusCodes.Status404NotFound, $"No Smartlead campaign has id {campaignId}."));

        control.MapPut("/campaigns/{campaignId:long}/status", async (HttpRequest request, long campaignId) =>
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
            return SandboxControlRoutes.Ok(new JsonObject { ["id"] = campaignId, ["status"] = state.Campaign(campaignId)?.Status });
        });
    }

    private sealed record ErrorShapeBody([property: JsonRequired] SmartleadErrorShape Shape);

    private sealed record LeadsShapeBody([property: JsonRequired] SmartleadLeadsResponseShape Shape);

    private sealed record StatusBody([property: JsonRequired] string Status);
}
