using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// What a launched campaign did (<see cref="SmartleadClient.Statistics"/>): its statistics rows, its counters (for a date
/// range too), and the account-wide overviews of /analytics. All of them are reads, retried like reads. Contract: the
/// Campaign Statistics and Analytics APIs of Smartlead's API reference; the docs site's answers are read as well, and
/// the docs-only routes (…/analytics-by-date, /analytics/mailbox/name-wise-health-metrics) follow its pages.
/// </summary>
public sealed class SmartleadStatistics
{
    /// <summary>The most statistics rows per request that both documents allow.</summary>
    public const int MaxStatisticsPageSize = 1000;

    /// <summary>Campaign rows of the account overview per request (the reference's default page).</summary>
    public const int MaxCampaignPageSize = 100;

    private static readonly ApiOperation CampaignStatistics = new ApiOperation("read campaign statistics", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation CampaignAnalytics = new ApiOperation("read campaign analytics", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation Overall = new ApiOperation("read account analytics", "Analytics", RequestSafety.Read);
    private static readonly ApiOperation DayWise = new ApiOperation("read day-wise analytics", "Analytics", RequestSafety.Read);
    private static readonly ApiOperation CampaignWise = new ApiOperation("read campaign-wise analytics", "Analytics", RequestSafety.Read);
    private static readonly ApiOperation MailboxWise = new ApiOperation("read mailbox analytics", "Analytics", RequestSafety.Read);

    private readonly ApiTransport _transport;

    internal SmartleadStatistics(ApiTransport transport) => _transport = transport;

    /// <summary>One page of a campaign's statistics rows (GET /campaigns/{id}/statistics?offset&amp;limit and the docs' filters).</summary>
    public async Task<CursorPage<SmartleadCampaignStatistic>> GetPageAsync(long campaignId, SmartleadStatisticFilter? filter, string? cursor, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.Campaign(campaignId) + "/statistics";
        var query = (filter ?? new SmartleadStatisticFilter()).Query();
        int offset = SmartleadPages.Offset(cursor);
        int limit = SmartleadPages.Limit(pageSize, MaxStatisticsPageSize);
        JsonElement answer = await _transport.SendAsync<JsonElement>(SmartleadPaths.About(CampaignStatistics, ("Campaign", campaignId)), HttpMethod.Get, path, null, cancellationToken,
            SmartleadPages.Query(offset, limit).Concat(query)).ConfigureAwait(false);
        (IReadOnlyList<SmartleadCampaignStatistic> rows, long? total) = StatisticsAnswer.Read(answer, campaignId, CampaignStatistics.Description);
        return SmartleadPages.Page(rows, offset, limit, total);
    }

    /// <summary>
    /// The campaign's counters: GET /campaigns/{id}/analytics (API reference), or for a date range GET
    /// /campaigns/{id}/analytics-by-date?start_date&amp;end_date&amp;time_zone (the docs site's page; days as yyyy-MM-dd).
    /// </summary>
    public async Task<SmartleadCampaignAnalytics> GetCampaignAnalyticsAsync(long campaignId, DateTime? startDate = null, DateTime? endDate = null, string? timeZone = null, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.Campaign(campaignId);
        var query = new List<KeyValuePair<string, string?>>();
        if (startDate.HasValue || endDate.HasValue)
        {
            SmartleadDates.CheckRange(startDate ?? default, endDate ?? default);
            query.Add(new KeyValuePair<string, string?>("start_date", SmartleadDates.Day(startDate!.Value)));
            query.Add(new KeyValuePair<string, string?>("end_date", SmartleadDates.Day(endDate!.Value)));
            query.Add(new KeyValuePair<string, string?>("time_zone", timeZone == null ? null : SmartleadRules.Instance.IanaTimeZone("TimeZone", timeZone)));
            path += "/analytics-by-date";
        }
        else
        {
            if (timeZone != null)
            {
                throw SmartleadRules.Instance.Fail("TimeZone", "TimeZone counts the days of a date range. Give -StartDate and -EndDate with it, or leave it out.");
            }

            path += "/analytics";
        }

        JsonElement answer = await _transport.SendAsync<JsonElement>(SmartleadPaths.About(CampaignAnalytics, ("Campaign", campaignId)), HttpMethod.Get, path, null, cancellationToken, query).ConfigureAwait(false);
        SmartleadCampaignAnalytics analytics = Counters(SmartleadAnswer.Data(answer)).ToCampaign(campaignId);
        analytics.StartDate ??= startDate?.Date;
        analytics.EndDate ??= endDate?.Date;
        return analytics;
    }

    /// <summary>The account's counters over the days asked for (GET /analytics/overall-stats-v2).</summary>
    public async Task<SmartleadAnalyticsSummary> GetSummaryAsync(SmartleadAnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = Checked(query).Query(includeAccounts: false);
        JsonElement answer = await _transport.SendAsync<JsonElement>(Overall, HttpMethod.Get, "analytics/overall-stats-v2", null, cancellationToken, parameters).ConfigureAwait(false);
        return SmartleadAnswer.One<CountersDto>(SmartleadAnswer.Data(answer, "overall_stats"), Overall.Description).ToSummary(query.StartDate, query.EndDate);
    }

    /// <summary>The account's counters day by day (GET /analytics/day-wise-overall-stats).</summary>
    public async Task<IReadOnlyList<SmartleadDailyStatistic>> GetDailyAsync(SmartleadAnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = Checked(query).Query(includeAccounts: false);
        JsonElement answer = await _transport.SendAsync<JsonElement>(DayWise, HttpMethod.Get, "analytics/day-wise-overall-stats", null, cancellationToken, parameters).ConfigureAwait(false);
        return SmartleadAnswer.List<CountersDto>(SmartleadAnswer.Data(answer, "day_wise_stats"), DayWise.Description).Select(d => d.ToDaily()).ToList();
    }

    /// <summary>One page of the counters per campaign (GET /analytics/campaign/overall-stats?limit&amp;offset).</summary>
    public async Task<CursorPage<SmartleadCampaignAnalytics>> GetCampaignPageAsync(SmartleadAnalyticsQuery query, string? cursor, CancellationToken cancellationToken = default)
    {
        var parameters = Checked(query).Query(includeAccounts: false);
        int offset = SmartleadPages.Offset(cursor);
        JsonElement answer = await _transport.SendAsync<JsonElement>(CampaignWise, HttpMethod.Get, "analytics/campaign/overall-stats", null, cancellationToken,
            parameters.Concat(SmartleadPages.Query(offset, MaxCampaignPageSize))).ConfigureAwait(false);
        var rows = SmartleadAnswer.List<CountersDto>(SmartleadAnswer.Data(answer, "campaign_wise_performance"), CampaignWise.Description)
            .Select(c => Dated(c.ToCampaign(0), query)).ToList();
        return SmartleadPages.Page(rows, offset, MaxCampaignPageSize, null);
    }

    /// <summary>
    /// The counters per mailbox (GET /analytics/mailbox/overall-stats, API reference). The docs site documents that route as
    /// the fleet's connection totals, and the per-mailbox figures at /analytics/mailbox/name-wise-health-metrics: when the
    /// answer is the totals, the per-mailbox route is read instead.
    /// </summary>
    public async Task<IReadOnlyList<SmartleadMailboxStatistic>> GetMailboxesAsync(SmartleadAnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = Checked(query).Query(includeAccounts: true);
        JsonElement answer = await _transport.SendAsync<JsonElement>(MailboxWise, HttpMethod.Get, "analytics/mailbox/overall-stats", null, cancellationToken, parameters).ConfigureAwait(false);
        JsonElement rows = SmartleadAnswer.Data(answer, "email_health_metrics");
        if (rows.ValueKind == JsonValueKind.Object && rows.TryGetProperty("overall_mailbox_stats", out _))
        {
            answer = await _transport.SendAsync<JsonElement>(MailboxWise, HttpMethod.Get, "analytics/mailbox/name-wise-health-metrics", null, cancellationToken,
                parameters.Where(p => p.Key != "email_account_ids")).ConfigureAwait(false);
            rows = SmartleadAnswer.Data(answer, "email_health_metrics");
        }

        return SmartleadAnswer.List<CountersDto>(rows, MailboxWise.Description).Select(m => m.ToMailbox()).ToList();
    }

    // The docs' top-level analytics pages answer {"ok": true, "data": []} when there is nothing to count yet.
    private static CountersDto Counters(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? SmartleadAnswer.List<CountersDto>(value, CampaignAnalytics.Description).FirstOrDefault() ?? new CountersDto()
            : SmartleadAnswer.One<CountersDto>(value, CampaignAnalytics.Description);

    private static SmartleadAnalyticsQuery Checked(SmartleadAnalyticsQuery query) => query ?? throw new ArgumentNullException(nameof(query));

    private static SmartleadCampaignAnalytics Dated(SmartleadCampaignAnalytics row, SmartleadAnalyticsQuery query)
    {
        row.StartDate ??= query.StartDate.Date;
        row.EndDate ??= query.EndDate.Date;
        return row;
    }
}
