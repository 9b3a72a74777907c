using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The API key check and the things campaigns refer to: mailing lists, audience segments, campaign groups.</summary>
internal sealed class LoopsDirectoryRoutes(LoopsSandboxState state)
{
    private static readonly string[] GroupFields = ["name", "description"];

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/api-key", () => PlatformResponses.Json(LoopsJson.Success(new JsonObject { ["teamName"] = "Sandbox team" })));

        // Loops returns the mailing lists as a plain array, without success/pagination.
        api.MapGet("/lists", () => PlatformResponses.Json(new JsonArray(state.MailingLists.Select(LoopsJson.MailingList).ToArray<JsonNode>())));

        api.MapGet("/audience-segments", (HttpRequest request) => PlatformResponses.Json(
            LoopsPager.Page(state.AudienceSegments, segment => segment.Id, LoopsJson.Segment, request.Query)));
        api.MapGet("/audience-segments/{audienceSegmentId}", (string audienceSegmentId) =>
            PlatformResponses.Json(LoopsJson.Success(LoopsJson.Segment(state.ViewSegment(audienceSegmentId)))));

        api.MapGet("/campaign-groups", (HttpRequest request) => PlatformResponses.Json(
            LoopsPager.Page(state.CampaignGroups, group => group.Id, LoopsJson.Group, request.Query)));
        api.MapGet("/campaign-groups/{campaignGroupId}", (string campaignGroupId) => GroupResponse(state.ViewGroup(campaignGroupId)));
        api.MapPost("/campaign-groups", CreateGroup);
        api.MapPost("/campaign-groups/{campaignGroupId}", UpdateGroup);
    }

    private IResult CreateGroup(HttpContext context)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), GroupFields);
        var name = body.String("name");
        if (!name.IsSet)
        {
            throw PlatformErrorException.BadRequest("name is required.");
        }
        ValidateGroupName(name.Value);
        return GroupResponse(state.CreateGroup(name.Value, body.NullableString("description").Value), StatusCodes.Status201Created);
    }

    private IResult UpdateGroup(HttpContext context, string campaignGroupId)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), GroupFields);
        var name = body.String("name");
        var description = body.NullableString("description");
        if (!name.IsSet && !description.IsSet)
        {
            throw PlatformErrorException.BadRequest("At least one field must be provided: name, description.");
        }
        if (name.IsSet)
        {
            ValidateGroupName(name.Value);
        }
        return GroupResponse(state.UpdateGroup(campaignGroupId, name, description));
    }

    private static void ValidateGroupName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw PlatformErrorException.BadRequest("name must not be empty.");
        }
        if (string.Equals(name.Trim(), LoopsSandboxState.UnsortedGroupName, StringComparison.OrdinalIgnoreCase))
        {
            throw PlatformErrorException.BadRequest($"name \"{name}\" is reserved for the default group.");
        }
    }

    private static IResult GroupResponse(LoopsCampaignGroup group, int statusCode = StatusCodes.Status200OK) =>
        PlatformResponses.Json(LoopsJson.Success(LoopsJson.Group(group)), statusCode);
}
