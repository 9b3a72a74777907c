using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Smartlead test helpers below /_sandbox/smartlead.</summary>
internal sealed class SmartleadControlRoutes(SmartleadSandboxState state)
{
    public void Map(IEndpointRouteBuilder control)
    {
        SandboxControlRoutes.MapShapeSwitch<SmartleadErrorShape>(control, "/error-shape", shape => state.ErrorShape = shape);
        SandboxControlRoutes.MapShapeSwitch<SmartleadLeadsResponseShape>(control, "/leads-response-shape", shape => state.LeadsResponseShape = shape);
        SandboxControlRoutes.MapShapeSwitch<SmartleadReadShape>(control, "/read-shape", shape => state.ReadShape = shape);
        SandboxControlRoutes.MapShapeSwitch<SmartleadStatisticsShape>(control, "/statistics-shape", shape => state.StatisticsShape = shape);
        SandboxControlRoutes.MapCampaign<long, SmartleadCampaign>(control, "/campaigns/{campaignId:long}",
            state.Campaign, campaignId => $"No Smartlead campaign has id {campaignId}.");
        SandboxControlRoutes.MapCampaignStatusOverride<long>(control, "/campaigns/{campaignId:long}/status",
            state.SetCampaignStatus, id => state.Campaign(id)?.Status);
        MapAfterLaunch(control);
    }

    /// <summary>POST deliver (send the next step to every ACTIVE lead), POST events ({email, event, sequence_number?}),
    /// POST seed-leads ({count}, or {email} for one lead that may be in another campaign too), and GET sends / webhooks / leads: what the campaign holds after launch.</summary>
    private void MapAfterLaunch(IEndpointRouteBuilder control)
    {
        control.MapPost("/campaigns/{campaignId:long}/deliver", (long campaignId) =>
            Run(() => new JsonObject { ["sent"] = state.Deliver(campaignId) }));
        control.MapPost("/campaigns/{campaignId:long}/events", async (HttpRequest request, long campaignId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<EventBody>(request);
            return body is null ? error : Run(() => new JsonObject
            {
                ["send"] = JsonSerializer.SerializeToNode(state.RecordEvent(campaignId, body.Email, body.Event, body.SequenceNumber), SandboxJson.Options),
            });
        });
        control.MapPost("/campaigns/{campaignId:long}/seed-leads", async (HttpRequest request, long campaignId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<SeedBody>(request);
            if (body is null)
            {
                return error;
            }
            if (!string.IsNullOrWhiteSpace(body.Email) && body.Count is null)
            {
                return Run(() => new JsonObject { ["leadId"] = state.SeedLead(campaignId, body.Email), ["leadCount"] = state.Leads(campaignId).Count });
            }
            return body.Email is not null || body.Count is not (>= 1 and <= 1_000_000)
                ? SandboxControlRoutes.Error(StatusCodes.Status400BadRequest, "Body must be {\"count\": 1 to 1000000} or {\"email\": \"name@example.com\"}.")
                : Run(() => new JsonObject { ["leadCount"] = state.SeedLeads(campaignId, body.Count.Value) });
        });
        control.MapGet("/campaigns/{campaignId:long}/sends", (long campaignId) =>
            SandboxControlRoutes.Ok(new JsonObject { ["sends"] = JsonSerializer.SerializeToNode(state.Sends(campaignId), SandboxJson.Options) }));
        control.MapGet("/campaigns/{campaignId:long}/webhooks", (long campaignId) =>
            SandboxControlRoutes.Ok(new JsonObject { ["webhooks"] = JsonSerializer.SerializeToNode(state.Webhooks(campaignId), SandboxJson.Options) }));
        control.MapGet("/campaigns/{campaignId:long}/leads", (long campaignId) =>
            SandboxControlRoutes.Ok(new JsonObject
            {
                ["leads"] = new JsonArray(state.Leads(campaignId).Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = l.Id,
                    ["email"] = l.Email,
                    ["status"] = l.Status,
                    ["categoryId"] = state.LeadCategoryId(campaignId, l.Id),
                }).ToArray()),
            }));
        control.MapGet("/email-accounts/{emailAccountId:long}", (long emailAccountId) =>
            state.EmailAccounts.Any(a => a.Id == emailAccountId)
                ? SandboxControlRoutes.Ok(new JsonObject { ["health"] = JsonSerializer.SerializeToNode(state.Health(emailAccountId), SandboxJson.Options) })
                : SandboxControlRoutes.Error(StatusCodes.Status404NotFound, $"No Smartlead email account has id {emailAccountId}."));
    }

    private static IResult Run(Func<JsonObject> action)
    {
        try
        {
            return SandboxControlRoutes.Ok(action());
        }
        catch (KeyNotFoundException e)
        {
            return SandboxControlRoutes.Error(StatusCodes.Status404NotFound, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return SandboxControlRoutes.Error(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private sealed record EventBody(
        [property: System.Text.Json.Serialization.JsonRequired] string Email,
        [property: System.Text.Json.Serialization.JsonRequired] SmartleadEmailEvent Event,
        int? SequenceNumber);

    // {"count": n} generated leads, or {"email": "..."}: one lead, also when another campaign holds it.
    private sealed record SeedBody(int? Count, string? Email);
}
