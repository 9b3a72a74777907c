using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Gets a Smartlead campaign's leads (the first page, every page with -All, or the first N with -First), or a lead by e-mail across the account.</para>
/// <para type="description">With -CampaignId (or campaigns piped from Get-SmartleadCampaign) it lists the campaign's leads, 100 per request, filtered by -Status, -EmailStatus, -SequenceNumber or -CategoryId. Each page is written as it arrives, so Get-SmartleadLead -All | Export-Csv streams a campaign of any size with one page in memory; Ctrl+C stops it between requests. With -Email it finds the lead in every campaign it is in (one object per campaign). Each lead pipes into Suspend-, Resume-, Remove- and Unregister-SmartleadLead and Set-SmartleadLeadCategory. Status filters take the API reference's values (Active, Paused, Completed, Unsubscribed, Bounced) and the docs site's (Started, InProgress, Stopped); which the server knows depends on the account.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: who replied in campaign 125, and where is ada@example.com a lead?</para>
/// <code>
/// Get-SmartleadLead -CampaignId 125 -EmailStatus Replied -All
/// Get-SmartleadLead -Email 'ada@example.com'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: export every lead of every Q1 campaign to one CSV file, streaming page by page.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Get-SmartleadLead -All | Export-Csv q1-leads.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="SuspendSmartleadLeadCommand"/>
/// <seealso cref="UnregisterSmartleadLeadCommand"/>
/// <seealso cref="AddSmartleadLeadCommand"/>
/// <seealso cref="GetSmartleadCampaignStatisticCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadLead", DefaultParameterSetName = CampaignSet)]
[OutputType(typeof(SmartleadCampaignLead))]
public sealed class GetSmartleadLeadCommand : PagedCmdlet<SmartleadClient>
{
    private const string CampaignSet = "Campaign";
    private const string EmailSet = "Email";

    /// <summary><para type="description">The campaign whose leads to list; binds from the Id of a piped campaign, or a plain id piped by value.</para></summary>
    [Parameter(ParameterSetName = CampaignSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">Only leads with this status in the campaign.</para></summary>
    [Parameter(ParameterSetName = CampaignSet)]
    public SmartleadLeadStatus? Status { get; set; }

    /// <summary><para type="description">Only leads whose emails were sent, opened, clicked, replied to or bounced.</para></summary>
    [Parameter(ParameterSetName = CampaignSet)]
    public SmartleadEmailStatus? EmailStatus { get; set; }

    /// <summary><para type="description">Only leads that got this step of the sequence, 1 to 20.</para></summary>
    [Parameter(ParameterSetName = CampaignSet)]
    public int? SequenceNumber { get; set; }

    /// <summary><para type="description">Only leads in this category (Get-SmartleadLeadCategory lists them).</para></summary>
    [Parameter(ParameterSetName = CampaignSet)]
    [ArgumentCompleter(typeof(SmartleadLeadCategoryCompleter))]
    public long? CategoryId { get; set; }

    /// <summary><para type="description">The lead's e-mail address: finds the lead in every campaign it is in.</para></summary>
    [Parameter(ParameterSetName = EmailSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("lead_email")]
    [AllowEmptyString]
    public string Email { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (ParameterSetName == EmailSet)
        {
            string email = Email;
            if (TryAwait(token => smartlead.Leads.FindByEmailAsync(email, token), email, out IReadOnlyList<SmartleadCampaignLead> found))
            {
                WriteObject(First.HasValue ? found.Take(First.Value) : found, enumerateCollection: true);
            }

            return;
        }

        long campaignId = CampaignId;
        var filter = new SmartleadLeadFilter { Status = Status, EmailStatus = EmailStatus, SequenceNumber = SequenceNumber, CategoryId = CategoryId };
        if (TryValidate(filter.Validate, campaignId))
        {
            WritePages((cursor, token) => smartlead.Leads.GetPageAsync(campaignId, filter, cursor, null, token), campaignId);
        }
    }
}

/// <summary>
/// <para type="synopsis">Gets the account's Smartlead lead categories (Interested, Not Interested, ...), optionally by name.</para>
/// <para type="description">Reads GET /leads/fetch-categories. Use the output's Id with Set-SmartleadLeadCategory -CategoryId or Get-SmartleadLead -CategoryId; -Name filters by name (wildcards allowed, case-insensitive).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list the categories.</para>
/// <code>
/// Get-SmartleadLeadCategory
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: mark every lead that replied in campaign 125 as Interested.</para>
/// <code>
/// $interested = Get-SmartleadLeadCategory -Name 'Interested'
/// Get-SmartleadLead -CampaignId 125 -EmailStatus Replied -All | Set-SmartleadLeadCategory -CategoryId $interested.Id
/// </code>
/// </example>
/// <seealso cref="SetSmartleadLeadCategoryCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadLeadCategory")]
[OutputType(typeof(SmartleadLeadCategory))]
public sealed class GetSmartleadLeadCategoryCommand : PlatformCmdlet<SmartleadClient>
{
    /// <summary><para type="description">Only categories whose name matches (wildcards allowed).</para></summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [AllowEmptyString]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        WildcardPattern? pattern = null;
        if (TryValidate(() => pattern = NamePattern.Of(Name), Name) &&
            TryAwait(smartlead.Leads.GetCategoriesAsync, Name, out IReadOnlyList<SmartleadLeadCategory> categories))
        {
            WriteObject(categories.Where(c => pattern == null || pattern.IsMatch(c.Name)), enumerateCollection: true);
        }
    }
}
