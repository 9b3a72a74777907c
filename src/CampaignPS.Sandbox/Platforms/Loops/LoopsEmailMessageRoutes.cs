using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

internal sealed class LoopsEmailMessageRoutes(LoopsSandboxState state)
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/email-messages/{emailMessageId}", Get);
        api.MapPost("/email-messages/{emailMessageId}", Update);
    }

    private IResult Get(string emailMessageId) =>
        PlatformResponses.Json(LoopsJson.Success(LoopsJson.EmailMessage(state.ViewEmailMessage(emailMessageId))));

    private IResult Update(HttpContext context, string emailMessageId)
    {
        var input = LoopsEmailMessageInput.Read(CapturedRequestBody.Of(context));
        var body = LoopsJson.Success(LoopsJson.EmailMessage(state.UpdateEmailMessage(emailMessageId, input)));
        // The sandbox compiles no LMX components, so it never has warnings to report.
        body["warnings"] = new JsonArray();
        return PlatformResponses.Json(body);
    }
}
