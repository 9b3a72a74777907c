using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Gets a Smartlead campaign's statistics rows: one per sent email (who got which step, when, opened, clicked, replied, bounced).</para>
/// <para type="description">Reads GET /campaigns/{id}/statistics, up to 1,000 rows per request: the first page, every page with -All, or the first N with -First, each page written as it arrives. Filters are the docs site's: -SequenceNumber (1 to 20), -EmailStatus (Opened, Clicked, Replied, Bounced, Unsubscribed), -SentAfter and -SentBefore. Servers that answer in the API reference's shape (totals only) or per step give one row for the campaign or one per step, with LeadEmail empty. Campaigns pipe in from Get-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: who replied to the first email of campaign 125 this week?</para>
/// <code>
/// Get-SmartleadCampaignStatistic -CampaignId 125 -SequenceNumber 1 -EmailStatus Replied -SentAfter (Get-Date).AddDays(-7) -All
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: export every bounce of the Q1 campaigns for the CRM.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Get-SmartleadCampaignStatistic -EmailStatus Bounced -All | Export-Csv bounces.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="GetSmartleadCampaignAnalyticsCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadCampaignStatistic")]
[OutputType(typeof(SmartleadCampaignStatistic))]
public sealed class GetSmartleadCampaignStatisticCommand : PagedCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign; binds from the Id of a piped campaign, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">Only emails of this sequence step, 1 to 20.</para></summary>
    [Parameter]
    public int? SequenceNumber { get; set; }

    /// <summary><para type="description">Only emails that were opened, clicked, replied to, bounced or unsubscribed from.</para></summary>
    [Parameter]
    public SmartleadEmailStatus? EmailStatus { get; set; }

    /// <summary><para type="description">Only emails sent after this moment.</para></summary>
    [Parameter]
    public DateTimeOffset? SentAfter { get; set; }

    /// <summary><para type="description">Only emails sent before this moment.</para></summary>
    [Parameter]
    public DateTimeOffset? SentBefore { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        var filter = new SmartleadStatisticFilter { SequenceNumber = SequenceNumber, EmailStatus = EmailStatus, SentAfter = SentAfter, SentBefore = SentBefore };
        if (TryValidate(filter.Validate, campaignId))
        {
            WritePages((cursor, token) => smartlead.Statistics.GetPageAsync(campaignId, filter, cursor, null, token), campaignId);
        }
    }
}

/// <summary>
/// <para type="synopsis">Gets a Smartlead campaign's counters: sent, opened, clicked, replied, bounced, unsubscribed and their rates, overall or for a date range.</para>
/// <para type="description">Without dates it reads GET /campaigns/{id}/analytics (API reference), whose day-by-day figures, when the server sends them, are in Daily. With -StartDate (and -EndDate, today when left out) it reads the docs site's GET /campaigns/{id}/analytics-by-date, counting whole days in -TimeZone (IANA; the server's default is UTC). Counts the answer leaves out are empty; a rate it leaves out is worked out from the counts. Campaigns pipe in from Get-SmartleadCampaign, one result each.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: how is campaign 125 doing, and how did it do last week?</para>
/// <code>
/// Get-SmartleadCampaignAnalytics -CampaignId 125
/// Get-SmartleadCampaignAnalytics -CampaignId 125 -StartDate (Get-Date).AddDays(-7) -EndDate (Get-Date) -TimeZone 'Europe/Berlin'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: a weekly report of every active campaign's reply and bounce rates.</para>
/// <code>
/// Get-SmartleadCampaign | Where-Object Status -eq 'ACTIVE' | Get-SmartleadCampaignAnalytics |
///     Select-Object -Property 'CampaignId', 'Sent', 'ReplyRate', 'BounceRate' | Export-Csv weekly.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="GetSmartleadCampaignStatisticCommand"/>
/// <seealso cref="GetSmartleadAnalyticsCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadCampaignAnalytics")]
[OutputType(typeof(SmartleadCampaignAnalytics))]
public sealed class GetSmartleadCampaignAnalyticsCommand : SmartleadCampaignReadCmdlet
{
    /// <summary><para type="description">The first day to count (reads the campaign's analytics by date).</para></summary>
    [Parameter]
    public DateTime? StartDate { get; set; }

    /// <summary><para type="description">The last day to count; today when -StartDate is given without it.</para></summary>
    [Parameter]
    public DateTime? EndDate { get; set; }

    /// <summary><para type="description">IANA time zone the days are counted in, e.g. America/New_York (with a date range only).</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    [AllowEmptyString]
    public string? TimeZone { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        DateTime? start = StartDate;
        DateTime? end = EndDate ?? (StartDate.HasValue ? DateTime.Today : (DateTime?)null);
        string? zone = Given(TimeZone);
        Read((campaignId, token) => smartlead.Statistics.GetCampaignAnalyticsAsync(campaignId, start, end, zone, token));
    }
}

/// <summary>What Get-SmartleadAnalytics reports for the account.</summary>
public enum SmartleadAnalyticsView
{
    /// <summary>One summary of the whole account (GET /analytics/overall-stats-v2).</summary>
    Total,
    /// <summary>One row per day (GET /analytics/day-wise-overall-stats).</summary>
    Day,
    /// <summary>One row per campaign (GET /analytics/campaign/overall-stats, paged).</summary>
    Campaign,
    /// <summary>One row per mailbox (GET /analytics/mailbox/overall-stats).</summary>
    Mailbox,
}

/// <summary>
/// <para type="synopsis">Gets the Smartlead account's analytics over a date range: a total, day by day, per campaign or per mailbox.</para>
/// <para type="description">Reads the API reference's /analytics routes for whole days from -StartDate to -EndDate (today when left out) in -TimeZone (IANA; UTC by default). -By picks the view: Total (default), Day, Campaign (paged: -All or -First for more than the first 100) or Mailbox. -CampaignId, -ClientId and -EmailAccountId narrow it; campaigns piped from Get-SmartleadCampaign are gathered into one request. Mailbox rows pipe into Get-SmartleadEmailAccount, campaign rows into the campaign cmdlets. Docs-site answers are read too: rates such as "34%", and for -By Mailbox the per-mailbox route the docs site documents when the server answers with fleet totals.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: last week's totals, then day by day.</para>
/// <code>
/// Get-SmartleadAnalytics -StartDate (Get-Date).AddDays(-7)
/// Get-SmartleadAnalytics -StartDate (Get-Date).AddDays(-7) -By Day | Format-Table
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: which mailboxes sent for one client's campaigns last month, and how are they?</para>
/// <code>
/// $start = (Get-Date -Day 1).AddMonths(-1)
/// Get-SmartleadCampaign -ClientId 42 | Get-SmartleadAnalytics -StartDate $start -EndDate $start.AddMonths(1).AddDays(-1) -By Mailbox |
///     Get-SmartleadEmailAccount
/// </code>
/// </example>
/// <seealso cref="GetSmartleadCampaignAnalyticsCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadAnalytics")]
[OutputType(typeof(SmartleadAnalyticsSummary), typeof(SmartleadDailyStatistic), typeof(SmartleadCampaignAnalytics), typeof(SmartleadMailboxStatistic))]
public sealed class GetSmartleadAnalyticsCommand : PagedCmdlet<SmartleadClient>
{
    private readonly List<long> _campaignIds = new List<long>();

    /// <summary><para type="description">The first day to count.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    public DateTime StartDate { get; set; }

    /// <summary><para type="description">The last day to count (today when left out).</para></summary>
    [Parameter(Position = 1)]
    public DateTime? EndDate { get; set; }

    /// <summary><para type="description">What to report: Total, Day, Campaign or Mailbox.</para></summary>
    [Parameter]
    public SmartleadAnalyticsView By { get; set; }

    /// <summary><para type="description">IANA time zone the days are counted in, e.g. America/New_York.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    [AllowEmptyString]
    public string? TimeZone { get; set; }

    /// <summary><para type="description">Only these campaigns; campaigns piped in (their Id) are added to one request.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long[] CampaignId { get; set; } = Array.Empty<long>();

    /// <summary><para type="description">Only these agency clients.</para></summary>
    [Parameter]
    [Alias("client_id")]
    public long[] ClientId { get; set; } = Array.Empty<long>();

    /// <summary><para type="description">Only these mailboxes (with -By Mailbox).</para></summary>
    [Parameter]
    [Alias("email_account_id")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long[] EmailAccountId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) => _campaignIds.AddRange(CampaignId ?? Array.Empty<long>());

    /// <inheritdoc />
    protected override void EndProcessingWith(SmartleadClient smartlead)
    {
        var query = new SmartleadAnalyticsQuery
        {
            StartDate = StartDate,
            EndDate = EndDate ?? DateTime.Today,
            TimeZone = Given(TimeZone),
            CampaignIds = _campaignIds,
            ClientIds = ClientId ?? Array.Empty<long>(),
            EmailAccountIds = EmailAccountId ?? Array.Empty<long>(),
        };
        if (!TryValidate(query.Validate, null))
        {
            return;
        }

        switch (By)
        {
            case SmartleadAnalyticsView.Day:
                WriteAll(token => smartlead.Statistics.GetDailyAsync(query, token));
                break;
            case SmartleadAnalyticsView.Campaign:
                WritePages((cursor, token) => smartlead.Statistics.GetCampaignPageAsync(query, cursor, token), null);
                break;
            case SmartleadAnalyticsView.Mailbox:
                WriteAll(token => smartlead.Statistics.GetMailboxesAsync(query, token));
                break;
            default:
                if (TryAwait(token => smartlead.Statistics.GetSummaryAsync(query, token), null, out SmartleadAnalyticsSummary summary))
                {
                    WriteObject(summary);
                }

                break;
        }
    }

    private void WriteAll<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> read)
    {
        if (TryAwait(read, null, out IReadOnlyList<T> rows))
        {
            WriteObject(First.HasValue ? rows.Take(First.Value) : rows, enumerateCollection: true);
        }
    }
}
