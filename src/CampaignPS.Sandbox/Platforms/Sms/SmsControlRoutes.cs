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
        // PUT {"seconds": 90}: how long issued tokens work. POST tokens/expire (?refresh=true): they expire now.
        control.MapPut("/token-lifetime", async (HttpRequest request) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<Dictionary<string, double>>(request);
            if (body is null || !body.TryGetValue("seconds", out var seconds) || seconds <= 0)
            {
                return body is null ? error : SandboxControlRoutes.Error(StatusCodes.Status400BadRequest, "Body must be {\"seconds\": N} with N > 0.");
            }
            state.TokenLifetime = TimeSpan.FromSeconds(seconds);
            return SandboxControlRoutes.Ok(new System.Text.Json.Nodes.JsonObject { ["seconds"] = seconds });
        });
        control.MapPost("/tokens/expire", (HttpRequest request) =>
        {
            state.ExpireTokens(string.Equals(request.Query["refresh"], "true", StringComparison.OrdinalIgnoreCase));
            return SandboxControlRoutes.Ok(new System.Text.Json.Nodes.JsonObject());
        });
        control.MapGet("/auth", () => SandboxControlRoutes.Ok(new System.Text.Json.Nodes.JsonObject { ["signIns"] = state.SignIns, ["refreshes"] = state.Refreshes }));
    }
}
