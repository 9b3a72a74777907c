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

        // PATCH {firstName?, lastName?, phoneNumber?, email?}: a contact as Tether's app may hold it (no E.164 check), for readiness tests.
        control.MapPatch("/contacts/{contactId}", async (HttpRequest request, string contactId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<ContactEdit>(request);
            if (body is null)
            {
                return error;
            }
            return Run(() => state.EditContact(contactId, body.FirstName, body.LastName, body.PhoneNumber, body.Email),
                () => new System.Text.Json.Nodes.JsonObject { ["contact"] = System.Text.Json.JsonSerializer.SerializeToNode(state.Contact(contactId), SandboxJson.Options) });
        });

        // PUT {scheduleDate}: a schedule that has passed (or none, with null), bypassing the future-time check.
        control.MapPut("/campaigns/{campaignId}/schedule-date", async (HttpRequest request, string campaignId) =>
        {
            var (body, error) = await SandboxControlRoutes.ReadBodyAsync<ScheduleEdit>(request);
            if (body is null)
            {
                return error;
            }
            return Run(() => state.SetCampaignScheduleDate(campaignId, body.ScheduleDate),
                () => new System.Text.Json.Nodes.JsonObject { ["id"] = campaignId, ["scheduleDate"] = body.ScheduleDate is { } at ? SmsJson.Timestamp(at) : null });
        });
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

    private static IResult Run(Action change, Func<System.Text.Json.Nodes.JsonObject> answer)
    {
        try
        {
            change();
        }
        catch (KeyNotFoundException e)
        {
            return SandboxControlRoutes.Error(StatusCodes.Status404NotFound, e.Message);
        }
        return SandboxControlRoutes.Ok(answer());
    }

    private sealed record ContactEdit(string? FirstName, string? LastName, string? PhoneNumber, string? Email);

    private sealed record ScheduleEdit(DateTimeOffset? ScheduleDate);
}
