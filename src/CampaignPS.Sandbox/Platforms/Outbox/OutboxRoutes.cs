namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>The documented Outbox endpoints (create campaign, create sender, create contact) plus a GET for
/// campaigns. The docs' paths end in a slash; routing matches them with or without it.</summary>
internal sealed class OutboxRoutes(OutboxSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/email/campaigns/", CreateCampaign);
        // Sandbox convenience: Outbox documents no campaign read; tests and scripts need one.
        api.MapGet("/email/campaigns/{campaignId}/", GetCampaign);
        api.MapPost("/email/senders/", CreateSender);
        api.MapPost("/contacts/", UpsertContact);
    }

    private IResult CreateCampaign(HttpContext context)
    {
        var campaign = state.CreateCampaign(OutboxInputs.ReadCampaign(CapturedRequestBody.Of(context)));
        return PlatformResponses.Json(OutboxJson.Campaign(campaign), StatusCodes.Status201Created);
    }

    private IResult GetCampaign(string campaignId) =>
        Guid.TryParse(campaignId, out var id) && state.Campaign(id) is { } campaign
            ? PlatformResponses.Json(OutboxJson.Campaign(campaign))
            : throw PlatformErrorException.NotFound("Not found.");

    private IResult CreateSender(HttpContext context)
    {
        var sender = state.CreateSender(OutboxInputs.ReadSender(CapturedRequestBody.Of(context)));
        return PlatformResponses.Json(OutboxJson.Sender(sender), StatusCodes.Status201Created);
    }

    /// <summary>Contacts page: the endpoint answers with an empty body; 201 for a new contact, 200 for an update.</summary>
    private IResult UpsertContact(HttpContext context)
    {
        var input = OutboxInputs.ReadContact(CapturedRequestBody.Of(context), state.KnownCustomFields);
        var created = state.UpsertContact(state.KeyCompanyId, input);
        return Results.StatusCode(created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }
}
