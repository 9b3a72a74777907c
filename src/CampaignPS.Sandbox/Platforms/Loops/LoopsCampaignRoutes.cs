namespace CampaignPS.Sandbox.Platforms.Loops;

internal sealed class LoopsCampaignRoutes(LoopsSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns", List);
        api.MapPost("/campaigns", Create);
        api.MapGet("/campaigns/{campaignId}", Get);
        api.MapPost("/campaigns/{campaignId}", Update);
    }

    private IResult List(HttpRequest request)
    {
        var shape = state.CreateShape;
        return PlatformResponses.Json(LoopsPager.Page(
            state.ViewCampaigns(), view => view.Campaign.Id, view => LoopsJson.CampaignListItem(view, shape), request.Query));
    }

    private IResult Create(HttpContext context)
    {
        var input = LoopsCampaignInput.ForCreate(CapturedRequestBody.Of(context), state.UtcNow);
        return Respond(state.CreateCampaign(input), StatusCodes.Status201Created);
    }

    private IResult Get(string campaignId) => Respond(state.ViewCampaign(campaignId));

    private IResult Update(HttpContext context, string campaignId)
    {
        var input = LoopsCampaignInput.ForUpdate(CapturedRequestBody.Of(context), state.UtcNow);
        return Respond(state.UpdateCampaign(campaignId, input));
    }

    private IResult Respond(LoopsCampaignView view, int statusCode = StatusCodes.Status200OK) =>
        PlatformResponses.Json(LoopsJson.Success(LoopsJson.Campaign(view, state.CreateShape)), statusCode);
}
