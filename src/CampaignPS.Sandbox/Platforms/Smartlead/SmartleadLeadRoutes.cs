using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign lead routes of the OpenAPI smartlead-ai-leads-api-openapi.yml.</summary>
internal sealed class SmartleadLeadRoutes(SmartleadSandboxState state)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns/{campaignId}/leads", List);
        api.MapPost("/campaigns/{campaignId}/leads", Add);
    }

    /// <summary>The spec's getCampaignLeads: {leads, total_count, offset, limit}, oldest first; limit 1..1000 (default 100); the reference's
    /// status, email_status and email_sequence_number filters and the docs' lead_category_id (see <see cref="SmartleadAfterLaunchInputs.ReadLeadFilter"/>).</summary>
    private IResult List(HttpRequest request, string campaignId)
    {
        state.ViewCampaign(campaignId);
        var offset = SmartleadQuery.Integer(request, "offset") ?? 0;
        var limit = SmartleadQuery.Integer(request, "limit") ?? DefaultLimit;
        if (offset < 0 || offset > int.MaxValue)
        {
            throw PlatformErrorException.BadRequest($"offset must be 0 or more (got {offset}).");
        }
        if (limit is < 1 or > MaxLimit)
        {
            throw PlatformErrorException.BadRequest($"limit must be between 1 and {MaxLimit} (got {limit}).");
        }
        var (page, total) = state.ViewLeads(campaignId, SmartleadAfterLaunchInputs.ReadLeadFilter(request), (int)offset, (int)limit);
        return PlatformResponses.Json(SmartleadLeadLookupJson.Page(state, state.ViewCampaign(campaignId).Id, page, total, (int)offset, (int)limit));
    }

    /// <summary>addLeadsToCampaign. Settings accept the spec's ignore_unsubscribe and the docs'
    /// ignore_unsubscribe_list; the response shape is <see cref="SmartleadSandboxState.LeadsResponseShape"/>.</summary>
    private IResult Add(HttpContext context, string campaignId)
    {
        state.ViewCampaign(campaignId);
        var result = state.AddLeads(campaignId, SmartleadInputs.ReadLeads(CapturedRequestBody.Of(context)));
        return PlatformResponses.Json(SmartleadJson.LeadImport(result, state.LeadsResponseShape));
    }
}
