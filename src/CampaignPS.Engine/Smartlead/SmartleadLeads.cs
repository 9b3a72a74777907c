using System.Globalization;
using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A campaign's leads after import (<see cref="SmartleadClient.Leads"/>): list them page by page, find one by
/// e-mail across the account, pause, resume, remove, unsubscribe and categorise them. Contract: the Leads API of
/// Smartlead's API reference; the docs site's answers are read as well (see SmartleadLeadWire.cs).
/// </summary>
public sealed class SmartleadLeads
{
    /// <summary>The docs site's lead pages allow 100 per page (the reference 1000): ask for what both accept.</summary>
    public const int MaxPageSize = 100;

    private static readonly ApiOperation ListLeads = new ApiOperation("list leads", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation FindLead = new ApiOperation("find lead by e-mail", "Lead", RequestSafety.Read);
    private static readonly ApiOperation ListLeadCampaigns = new ApiOperation("list the lead's campaigns", "Lead", RequestSafety.Read);
    private static readonly ApiOperation ListCategories = new ApiOperation("list lead categories", "LeadCategory", RequestSafety.Read);
    private static readonly ApiOperation PauseLead = new ApiOperation("pause lead", "Lead", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation ResumeLead = new ApiOperation("resume lead", "Lead", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation DeleteLead = new ApiOperation("remove lead from campaign", "Lead", RequestSafety.NonIdempotent);
    private static readonly ApiOperation UnsubscribeLead = new ApiOperation("unsubscribe lead from campaign", "Lead", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation UnsubscribeEverywhere = new ApiOperation("unsubscribe lead from every campaign", "Lead", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation SetCategory = new ApiOperation("set lead category", "Lead", RequestSafety.IdempotentWrite,
        new ErrorRule(404, "LeadCategoryNotFound", FailureCategory.ObjectNotFound,
            "Check the category id (Get-SmartleadLeadCategory lists them) and the lead id.", "categor"));

    private readonly ApiTransport _transport;

    internal SmartleadLeads(ApiTransport transport) => _transport = transport;

    /// <summary>One page of a campaign's leads (GET /campaigns/{id}/leads?offset&amp;limit); the cursor is null for the first page.</summary>
    public async Task<CursorPage<SmartleadCampaignLead>> GetPageAsync(long campaignId, SmartleadLeadFilter? filter, string? cursor, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.Campaign(campaignId) + "/leads";
        var query = (filter ?? new SmartleadLeadFilter()).Query().ToList();
        int offset = SmartleadPages.Offset(cursor);
        int limit = SmartleadPages.Limit(pageSize, MaxPageSize);
        LeadListDto page = await _transport.SendAsync<LeadListDto>(SmartleadPaths.About(ListLeads, ("Campaign", campaignId)), HttpMethod.Get, path, null, cancellationToken,
            SmartleadPages.Query(offset, limit).Concat(query)).ConfigureAwait(false);
        return SmartleadPages.Page(page.ToModels(campaignId), offset, limit, page.TotalOf);
    }

    /// <summary>
    /// The lead with this address in each campaign it is in (GET /leads/?email=, then GET /leads/{id}/campaigns unless the
    /// answer lists them). Unknown addresses are SmartleadLeadNotFound, whether the server says 404 (reference) or {} (docs).
    /// </summary>
    public async Task<IReadOnlyList<SmartleadCampaignLead>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        string address = SmartleadRules.Instance.NotBlank("Email", email).Trim();
        SmartleadRules.Instance.Email("Email", address);
        var query = new[] { new KeyValuePair<string, string?>("email", address) };
        JsonElement answer = await _transport.SendAsync<JsonElement>(FindLead, HttpMethod.Get, "leads/", null, cancellationToken, query).ConfigureAwait(false);
        JsonElement value = SmartleadAnswer.Data(answer);
        LeadDto? found = value.ValueKind == JsonValueKind.Object ? SmartleadAnswer.One<LeadDto>(value, FindLead.Description) : null;
        if (found?.Id is not long leadId || leadId <= 0)
        {
            throw new CampaignApiException(new ApiFailure(Platform.Smartlead, "SmartleadLeadNotFound", FailureCategory.ObjectNotFound,
                $"Smartlead: no lead has the address {address}. Check the spelling, or list a campaign's leads with Get-SmartleadLead -CampaignId."));
        }

        SmartleadCampaignLead lead = found.ToModel(0);
        List<LeadCampaignDto> campaigns = found.LeadCampaignData ?? await GetLeadCampaignsAsync(leadId, cancellationToken).ConfigureAwait(false);
        if (campaigns.Count == 0)
        {
            return new[] { lead };
        }

        return campaigns.Select(c => c.Apply(lead)).ToList();
    }

    /// <summary>
    /// The lead's status in each campaign it is in (GET /leads/{lead_id}/campaigns), as the lead cmdlets' -PassThru writes it:
    /// Id, CampaignId, CampaignName and Status are the server's; this route tells nothing else about the lead.
    /// </summary>
    public async Task<IReadOnlyList<SmartleadCampaignLead>> GetCampaignsOfLeadAsync(long leadId, CancellationToken cancellationToken = default)
    {
        var lead = new SmartleadCampaignLead { Id = SmartleadPaths.CheckId("LeadId", leadId) };
        return (await GetLeadCampaignsAsync(leadId, cancellationToken).ConfigureAwait(false)).Select(c => c.Apply(lead)).ToList();
    }

    /// <summary>Pauses the lead in the campaign (POST .../leads/{lead_id}/pause): no more emails until resumed.</summary>
    public Task PauseAsync(long campaignId, long leadId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForLead(PauseLead, campaignId, leadId), HttpMethod.Post, SmartleadPaths.Lead(campaignId, leadId) + "/pause", null, cancellationToken);

    /// <summary>Resumes a paused lead (POST .../leads/{lead_id}/resume).</summary>
    public Task ResumeAsync(long campaignId, long leadId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForLead(ResumeLead, campaignId, leadId), HttpMethod.Post, SmartleadPaths.Lead(campaignId, leadId) + "/resume", null, cancellationToken);

    /// <summary>Removes the lead from the campaign (DELETE .../leads/{lead_id}); the lead stays in the account's other campaigns. Cannot be undone.</summary>
    public Task DeleteAsync(long campaignId, long leadId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForLead(DeleteLead, campaignId, leadId), HttpMethod.Delete, SmartleadPaths.Lead(campaignId, leadId), null, cancellationToken);

    /// <summary>Unsubscribes the lead from one campaign (POST .../leads/{lead_id}/unsubscribe); false when the server reports no change.</summary>
    public async Task<bool> UnsubscribeAsync(long campaignId, long leadId, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync<OkDto>(ForLead(UnsubscribeLead, campaignId, leadId), HttpMethod.Post, SmartleadPaths.Lead(campaignId, leadId) + "/unsubscribe", null, cancellationToken).ConfigureAwait(false)).Changed;

    /// <summary>Unsubscribes the lead from every campaign (POST /leads/{lead_id}/unsubscribe); false when the server reports no change (the docs' {"ok": false}).</summary>
    public async Task<bool> UnsubscribeEverywhereAsync(long leadId, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync<OkDto>(SmartleadPaths.About(UnsubscribeEverywhere, ("Lead", leadId)), HttpMethod.Post, "leads/" + SmartleadPaths.Id("LeadId", leadId) + "/unsubscribe", null, cancellationToken).ConfigureAwait(false)).Changed;

    /// <summary>Sets the lead's category in the campaign (POST .../leads/{lead_id}/category); <paramref name="pauseLead"/> also pauses it (docs site).</summary>
    public Task SetCategoryAsync(long campaignId, long leadId, long categoryId, bool pauseLead = false, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.Lead(campaignId, leadId) + "/category";
        var body = new LeadCategoryBody { CategoryId = SmartleadPaths.CheckId("CategoryId", categoryId), PauseLead = pauseLead ? true : (bool?)null };
        return _transport.SendAsync<OkDto>(SmartleadPaths.About(SetCategory, ("Campaign", campaignId), ("Lead", leadId), ("LeadCategory", categoryId)), HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>The account's lead categories (GET /leads/fetch-categories).</summary>
    public async Task<IReadOnlyList<SmartleadLeadCategory>> GetCategoriesAsync(CancellationToken cancellationToken = default)
    {
        JsonElement answer = await _transport.SendAsync<JsonElement>(ListCategories, HttpMethod.Get, "leads/fetch-categories", null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.List<LeadCategoryDto>(SmartleadAnswer.Data(answer), ListCategories.Description).Select(c => c.ToModel()).ToList();
    }

    private static ApiOperation ForLead(ApiOperation operation, long campaignId, long leadId) =>
        SmartleadPaths.About(operation, ("Campaign", campaignId), ("Lead", leadId));

    private async Task<List<LeadCampaignDto>> GetLeadCampaignsAsync(long leadId, CancellationToken cancellationToken)
    {
        string path = "leads/" + SmartleadPaths.Id("LeadId", leadId) + "/campaigns";
        JsonElement answer = await _transport.SendAsync<JsonElement>(SmartleadPaths.About(ListLeadCampaigns, ("Lead", leadId)), HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.List<LeadCampaignDto>(SmartleadAnswer.Data(answer), ListLeadCampaigns.Description);
    }
}

/// <summary>The paths of Smartlead's resources, with every id checked before it goes into a URL.</summary>
internal static class SmartleadPaths
{
    public static long CheckId(string field, long id)
    {
        SmartleadRules.Instance.Range(field, id, 1, long.MaxValue);
        return id;
    }

    public static string Id(string field, long id) => CheckId(field, id).ToString(CultureInfo.InvariantCulture);

    public static string Campaign(long campaignId) => "campaigns/" + Id("CampaignId", campaignId);

    public static string Lead(long campaignId, long leadId) => Campaign(campaignId) + "/leads/" + Id("LeadId", leadId);

    public static string EmailAccount(long emailAccountId) => "email-accounts/" + Id("EmailAccountId", emailAccountId);

    /// <summary><paramref name="operation"/> for one call that carries these ids, so a 404 names the one not found (ApiOperation.About).</summary>
    public static ApiOperation About(ApiOperation operation, params (string Resource, long Id)[] ids) =>
        operation.About(ids.Select(t => (t.Resource, (string?)t.Id.ToString(CultureInfo.InvariantCulture))).ToArray());
}

/// <summary>The checks an id gets before it goes into a request's path, for callers that check input before they confirm anything.</summary>
public static class SmartleadIds
{
    /// <summary>Requires an id of 1 or more; the error names <paramref name="field"/>.</summary>
    /// <exception cref="InputValidationException">The id is 0 or negative.</exception>
    public static long Check(string field, long id) => SmartleadPaths.CheckId(field, id);
}
