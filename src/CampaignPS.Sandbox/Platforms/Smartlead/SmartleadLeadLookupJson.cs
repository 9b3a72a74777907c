using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Lead list and lookup bodies in the reference's shapes or the docs site's (get-by-campaign.mdx: leads nested in
/// campaign mappings with total_leads as a string; get-by-email.mdx: lead_campaign_data, and {} for an unknown address).</summary>
internal static class SmartleadLeadLookupJson
{
    public static JsonObject Page(SmartleadSandboxState state, long campaignId, IReadOnlyList<SmartleadLead> page, int total, int offset, int limit) =>
        state.ReadShape == SmartleadReadShape.Docs
            ? new JsonObject
            {
                ["total_leads"] = total.ToString(CultureInfo.InvariantCulture),
                ["offset"] = offset,
                ["limit"] = limit,
                ["data"] = new JsonArray(page.Select(lead => (JsonNode)new JsonObject
                {
                    ["campaign_lead_map_id"] = MapId(campaignId, lead.Id),
                    ["lead_category_id"] = state.LeadCategoryId(campaignId, lead.Id),
                    ["status"] = state.DocsLeadStatus(campaignId, lead),
                    ["created_at"] = SmartleadJson.Timestamp(lead.CreatedAt),
                    ["lead"] = DocsLead(state, lead),
                }).ToArray()),
            }
            : new JsonObject
            {
                ["leads"] = new JsonArray(page.Select(l => (JsonNode)SmartleadJson.Lead(l)).ToArray()),
                ["total_count"] = total,
                ["offset"] = offset,
                ["limit"] = limit,
            };

    /// <summary>GET /leads/?email=: the lead in its first campaign (reference), or with all its campaigns (docs).</summary>
    public static JsonObject ByEmail(SmartleadSandboxState state, IReadOnlyList<(SmartleadCampaign Campaign, SmartleadLead Lead)> found)
    {
        if (state.ReadShape == SmartleadReadShape.Reference)
        {
            return SmartleadJson.Lead(found[0].Lead);
        }

        var lead = DocsLead(state, found[0].Lead);
        lead["lead_campaign_data"] = new JsonArray(found.Select(f => (JsonNode)new JsonObject
        {
            ["campaign_lead_map_id"] = MapId(f.Campaign.Id, f.Lead.Id),
            ["campaign_id"] = f.Campaign.Id,
            ["campaign_name"] = f.Campaign.Name,
            ["client_id"] = f.Campaign.ClientId,
            ["lead_category_id"] = state.LeadCategoryId(f.Campaign.Id, f.Lead.Id),
        }).ToArray());
        return lead;
    }

    /// <summary>GET /leads/{id}/campaigns (reference): the lead's status in each campaign.</summary>
    public static JsonArray Campaigns(IReadOnlyList<(SmartleadCampaign Campaign, SmartleadLead Lead)> found) =>
        new(found.Select(f => (JsonNode)new JsonObject
        {
            ["campaign_id"] = f.Campaign.Id,
            ["campaign_name"] = f.Campaign.Name,
            ["status"] = f.Lead.Status,
        }).ToArray());

    public static JsonArray Categories(IReadOnlyList<SmartleadLeadCategory> categories, SmartleadReadShape shape) =>
        new(categories.Select(c => (JsonNode)(shape == SmartleadReadShape.Docs
            ? new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["sentiment_type"] = c.Sentiment, ["created_at"] = "2024-01-15T10:30:00.000Z" }
            : new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["color"] = c.Color })).ToArray());

    private static JsonObject DocsLead(SmartleadSandboxState state, SmartleadLead lead)
    {
        var body = SmartleadJson.Lead(lead);
        body.Remove("status");
        body.Remove("campaign_id");
        body.Remove("updated_at");
        body["is_unsubscribed"] = state.IsUnsubscribedEverywhere(lead.Email);
        body["unsubscribed_client_id_map"] = null;
        return body;
    }

    private static long MapId(long campaignId, long leadId) => campaignId * 1_000_000_000 + leadId;
}
