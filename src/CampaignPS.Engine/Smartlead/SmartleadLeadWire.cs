using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

// Lead read shapes. The API reference (Leads API, harvested 2026-08-13): GET /campaigns/{id}/leads answers
// {leads: [Lead], total_count, offset, limit}; GET /leads/?email= answers one Lead (404 when unknown). The docs
// site: get-leads.mdx {total, leads: [... category_id, category_name]}; get-by-campaign.mdx {total_leads: "42",
// data: [{campaign_lead_map_id, lead_category_id, status, created_at, lead: {...}}]}; get-by-email.mdx a lead with
// lead_campaign_data, and {} when no lead has the address. All of them are read.

internal sealed class LeadListDto
{
    [JsonPropertyName("leads")]
    public List<LeadDto>? Leads { get; set; }

    [JsonPropertyName("data")]
    public List<CampaignLeadMapDto>? Data { get; set; }

    [JsonPropertyName("total_count")]
    [JsonConverter(typeof(LenientCountConverter))]
    public long? TotalCount { get; set; }

    [JsonPropertyName("total")]
    [JsonConverter(typeof(LenientCountConverter))]
    public long? Total { get; set; }

    [JsonPropertyName("total_leads")]
    [JsonConverter(typeof(LenientCountConverter))]
    public long? TotalLeads { get; set; }

    public long? TotalOf => TotalCount ?? Total ?? TotalLeads;

    public IReadOnlyList<SmartleadCampaignLead> ToModels(long campaignId) =>
        Leads != null
            ? Leads.Select(l => l.ToModel(campaignId)).ToList()
            : (Data ?? new List<CampaignLeadMapDto>()).Where(m => m.Lead != null).Select(m => m.ToModel(campaignId)).ToList();
}

internal sealed class CampaignLeadMapDto
{
    [JsonPropertyName("lead_category_id")]
    public long? LeadCategoryId { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("lead")]
    public LeadDto? Lead { get; set; }

    public SmartleadCampaignLead ToModel(long campaignId)
    {
        SmartleadCampaignLead lead = Lead!.ToModel(campaignId);
        lead.Status = Status ?? lead.Status;
        lead.CategoryId = LeadCategoryId ?? lead.CategoryId;
        lead.CreatedAt = WireText.Date(CreatedAt) ?? lead.CreatedAt;
        return lead;
    }
}

internal sealed class LeadDto
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("company_name")]
    public string? CompanyName { get; set; }

    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    [JsonPropertyName("website")]
    public string? Website { get; set; }

    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("linkedin_profile")]
    public string? LinkedinProfile { get; set; }

    [JsonPropertyName("company_url")]
    public string? CompanyUrl { get; set; }

    [JsonPropertyName("custom_fields")]
    public JsonElement? CustomFields { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("campaign_id")]
    public long? CampaignId { get; set; }

    [JsonPropertyName("category_id")]
    public long? CategoryId { get; set; }

    [JsonPropertyName("lead_category_id")]
    public long? LeadCategoryId { get; set; }

    [JsonPropertyName("category_name")]
    public string? CategoryName { get; set; }

    [JsonPropertyName("is_unsubscribed")]
    public bool? IsUnsubscribed { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName("lead_campaign_data")]
    public List<LeadCampaignDto>? LeadCampaignData { get; set; }

    public SmartleadCampaignLead ToModel(long campaignId) => new SmartleadCampaignLead
    {
        Id = Id ?? 0,
        CampaignId = CampaignId ?? campaignId,
        Email = Email ?? string.Empty,
        FirstName = FirstName,
        LastName = LastName,
        CompanyName = CompanyName,
        PhoneNumber = PhoneNumber,
        Website = Website,
        Location = Location,
        LinkedinProfile = LinkedinProfile,
        CompanyUrl = CompanyUrl,
        Status = Status,
        CategoryId = CategoryId ?? LeadCategoryId,
        CategoryName = CategoryName,
        IsUnsubscribed = IsUnsubscribed,
        CustomFields = SmartleadCustomFields.From(CustomFields),
        CreatedAt = WireText.Date(CreatedAt),
        UpdatedAt = WireText.Date(UpdatedAt),
    };
}

/// <summary>One campaign of a lead: GET /leads/{id}/campaigns (reference) or an entry of lead_campaign_data (docs).</summary>
internal sealed class LeadCampaignDto
{
    [JsonPropertyName("campaign_id")]
    public long? CampaignId { get; set; }

    [JsonPropertyName("campaign_name")]
    public string? CampaignName { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("lead_category_id")]
    public long? LeadCategoryId { get; set; }

    public SmartleadCampaignLead Apply(SmartleadCampaignLead lead)
    {
        SmartleadCampaignLead inCampaign = lead.Copy();
        inCampaign.CampaignId = CampaignId ?? lead.CampaignId;
        inCampaign.CampaignName = CampaignName;
        // The reference's lead-campaigns list names the lead's status in that campaign "status".
        inCampaign.Status = Status ?? lead.Status;
        inCampaign.CategoryId = LeadCategoryId ?? lead.CategoryId;
        return inCampaign;
    }
}

internal sealed class LeadCategoryDto
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("color")]
    public string? Color { get; set; }

    [JsonPropertyName("sentiment_type")]
    public string? SentimentType { get; set; }

    public SmartleadLeadCategory ToModel() => new SmartleadLeadCategory { Id = Id, Name = Name ?? string.Empty, Color = Color, Sentiment = SentimentType };
}

internal sealed class LeadCategoryBody
{
    [JsonPropertyName("category_id")]
    public long CategoryId { get; set; }

    // The docs site's update-lead-category page: pause the lead in the same call (left out when not asked for).
    [JsonPropertyName("pause_lead")]
    public bool? PauseLead { get; set; }
}
