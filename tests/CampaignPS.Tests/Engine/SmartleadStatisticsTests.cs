using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadReadShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadReadShape;
using SmartleadStatisticsShape = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadStatisticsShape;
using SmartleadEmailEvent = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadEmailEvent;

namespace CampaignPS.Tests.Engine;

/// <summary>Statistics rows, campaign counters and the account analytics against the sandbox, whose figures come from its sends.</summary>
[Collection(SmartleadAfterLaunchCollection.Name)]
public sealed class SmartleadStatisticsTests
{
    private static readonly string[] Leads = ["ann@acme.example", "bo@acme.example", "cy@acme.example", "di@acme.example"];

    [Fact]
    public async Task Each_sent_email_is_one_row_with_what_happened_to_it_and_the_filters_narrow_them()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        SmartleadLaunch.Deliver(sandbox, campaignId, ("ann@acme.example", SmartleadEmailEvent.Replied), ("bo@acme.example", SmartleadEmailEvent.Bounced), ("cy@acme.example", SmartleadEmailEvent.Clicked));
        sandbox.State.Deliver(campaignId);

        var rows = (await client.Statistics.GetPageAsync(campaignId, null, null)).Items;
        var replied = (await client.Statistics.GetPageAsync(campaignId, new SmartleadStatisticFilter { EmailStatus = SmartleadEmailStatus.Replied }, null)).Items;
        var second = (await client.Statistics.GetPageAsync(campaignId, new SmartleadStatisticFilter { SequenceNumber = 2 }, null)).Items;
        var none = (await client.Statistics.GetPageAsync(campaignId, new SmartleadStatisticFilter { SentBefore = DateTimeOffset.UtcNow.AddDays(-1) }, null)).Items;

        // Step 1 to all four; step 2 only to the two leads still ACTIVE (ann replied, bo bounced).
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.Sent));
        var ann = rows.Single(r => r.LeadEmail == "ann@acme.example");
        Assert.Equal((1, 1, 0, 0), (ann.Opened, ann.Replied, ann.Clicked, ann.Bounced));
        Assert.NotNull(ann.ReplyTime);
        Assert.Equal("Lead0", ann.LeadName);
        Assert.Equal("Quick question", ann.Subject);
        Assert.Equal(1, rows.Single(r => r.LeadEmail == "bo@acme.example").Bounced);
        Assert.Equal(1, rows.Single(r => r.LeadEmail == "cy@acme.example" && r.SequenceNumber == 1).Clicked);
        Assert.Equal(["ann@acme.example"], replied.Select(r => r.LeadEmail));
        Assert.Equal(["cy@acme.example", "di@acme.example"], second.Select(r => r.LeadEmail));
        Assert.Empty(none);
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.QueryString.Contains("email_status=replied", StringComparison.Ordinal));
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.QueryString.Contains("sent_time_end_date=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_are_paged_by_the_total_the_answer_states()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        sandbox.State.Deliver(campaignId);

        var pager = new CursorPager<SmartleadCampaignStatistic>((cursor, token) => client.Statistics.GetPageAsync(campaignId, null, cursor, 3, token), allPages: true, maxItems: null);
        var all = new List<SmartleadCampaignStatistic>();
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            all.AddRange(page);
        }

        Assert.Equal(4, all.Count);
        Assert.Equal(2, pager.PagesRead);
    }

    [Theory]
    [InlineData(SmartleadStatisticsShape.Steps)]
    [InlineData(SmartleadStatisticsShape.Totals)]
    public async Task The_per_step_and_the_references_totals_answers_become_count_rows(SmartleadStatisticsShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        SmartleadLaunch.Deliver(sandbox, campaignId, ("ann@acme.example", SmartleadEmailEvent.Replied), ("bo@acme.example", SmartleadEmailEvent.Opened));
        sandbox.State.StatisticsShape = shape;

        var page = await client.Statistics.GetPageAsync(campaignId, null, null);

        SmartleadCampaignStatistic row = Assert.Single(page.Items);
        Assert.Null(row.LeadEmail);
        Assert.Equal(shape == SmartleadStatisticsShape.Steps ? 1 : null, row.SequenceNumber);
        Assert.Equal((4L, 2L, 1L), (row.Sent, row.Opened, row.Replied));
        Assert.Equal(campaignId, row.CampaignId);
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task Campaign_counters_read_the_same_from_both_documented_shapes(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        SmartleadLaunch.Deliver(sandbox, campaignId, ("ann@acme.example", SmartleadEmailEvent.Replied), ("bo@acme.example", SmartleadEmailEvent.Clicked));
        sandbox.State.ReadShape = shape;

        var analytics = await client.Statistics.GetCampaignAnalyticsAsync(campaignId);

        Assert.Equal(campaignId, analytics.CampaignId);
        Assert.Equal(4, analytics.Sent);
        Assert.Equal(2, analytics.Opened);
        Assert.Equal(1, analytics.Clicked);
        Assert.Equal(1, analytics.Replied);
        Assert.Equal(25, analytics.ReplyRate);
        Assert.Equal(50, analytics.OpenRate);
        if (shape == SmartleadReadShape.Reference)
        {
            Assert.Equal(4, analytics.TotalLeads);
            Assert.Equal(4, Assert.Single(analytics.Daily).Sent);
        }
        else
        {
            Assert.Equal("After launch", analytics.CampaignName);
        }
    }

    [Fact]
    public async Task A_date_range_reads_analytics_by_date_with_whole_days_and_the_time_zone()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        sandbox.State.Deliver(campaignId);
        DateTime today = DateTime.UtcNow.Date;

        var covered = await client.Statistics.GetCampaignAnalyticsAsync(campaignId, today.AddDays(-1), today.AddDays(1), "Etc/UTC");
        var before = await client.Statistics.GetCampaignAnalyticsAsync(campaignId, today.AddDays(-10), today.AddDays(-3));

        Assert.Equal(4, covered.Sent);
        Assert.Equal(today.AddDays(-1), covered.StartDate);
        Assert.Equal(today.AddDays(1), covered.EndDate);
        Assert.Equal(0, before.Sent);
        var request = sandbox.Server.Requests.Snapshot().First(r => r.Path.EndsWith("/analytics-by-date", StringComparison.Ordinal));
        Assert.Contains("start_date=" + today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.QueryString, StringComparison.Ordinal);
        Assert.Contains("time_zone=Etc%2FUTC", request.QueryString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmartleadReadShape.Reference)]
    [InlineData(SmartleadReadShape.Docs)]
    public async Task The_account_analytics_count_every_campaigns_sends_in_either_shape(SmartleadReadShape shape)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long first = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example");
        long second = await SmartleadLaunch.StartAsync(sandbox, client, "cy@globex.example");
        SmartleadLaunch.Deliver(sandbox, first, ("ann@acme.example", SmartleadEmailEvent.Replied));
        sandbox.State.Deliver(second);
        sandbox.State.ReadShape = shape;
        var query = new SmartleadAnalyticsQuery { StartDate = DateTime.UtcNow.Date.AddDays(-1), EndDate = DateTime.UtcNow.Date.AddDays(1) };

        var summary = await client.Statistics.GetSummaryAsync(query);
        var daily = await client.Statistics.GetDailyAsync(query);
        var campaigns = (await client.Statistics.GetCampaignPageAsync(query, null)).Items;
        var mailboxes = await client.Statistics.GetMailboxesAsync(query);
        var onlyFirst = await client.Statistics.GetSummaryAsync(new SmartleadAnalyticsQuery { StartDate = query.StartDate, EndDate = query.EndDate, CampaignIds = [first] });

        Assert.Equal((3L, 1L, 1L), (summary.Sent!.Value, summary.Opened!.Value, summary.Replied!.Value));
        Assert.Equal(33.33, summary.ReplyRate);
        Assert.Equal(3, Assert.Single(daily).Sent);
        Assert.Equal([second, first], campaigns.Select(c => c.CampaignId));
        Assert.Equal([1L, 2L], campaigns.Select(c => c.Sent!.Value));
        Assert.Equal(2, onlyFirst.Sent);
        Assert.Equal(3, mailboxes.Sum(m => m.Sent));
        Assert.All(mailboxes, m => Assert.EndsWith("@outreach.example", m.Email));
        if (shape == SmartleadReadShape.Reference)
        {
            Assert.All(mailboxes, m => Assert.Contains(m.EmailAccountId!.Value, new[] { 456L, 457L }));
        }
        else
        {
            // The docs answer the reference's mailbox route with fleet totals: the per-mailbox route is read instead.
            Assert.Equal(1, sandbox.Count("GET", "analytics/mailbox/name-wise-health-metrics"));
        }
    }

    [Fact]
    public async Task Bad_ranges_time_zones_and_filters_fail_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        DateTime today = DateTime.UtcNow.Date;

        var backwards = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetSummaryAsync(new SmartleadAnalyticsQuery { StartDate = today, EndDate = today.AddDays(-1) }));
        var missing = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetDailyAsync(new SmartleadAnalyticsQuery { EndDate = today }));
        var zone = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetSummaryAsync(new SmartleadAnalyticsQuery { StartDate = today, EndDate = today, TimeZone = "Eastern Standard Time" }));
        var campaign = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetSummaryAsync(new SmartleadAnalyticsQuery { StartDate = today, EndDate = today, CampaignIds = [0] }));
        var zoneWithoutRange = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetCampaignAnalyticsAsync(1, timeZone: "Europe/Berlin"));
        var halfRange = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetCampaignAnalyticsAsync(1, startDate: today));
        var sent = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetPageAsync(1, new SmartleadStatisticFilter { EmailStatus = SmartleadEmailStatus.Sent }, null));
        var window = await Assert.ThrowsAsync<InputValidationException>(() => client.Statistics.GetPageAsync(1, new SmartleadStatisticFilter { SentAfter = DateTimeOffset.UtcNow, SentBefore = DateTimeOffset.UtcNow.AddDays(-1) }, null));

        Assert.Equal(["EndDate", "StartDate", "TimeZone", "CampaignId", "TimeZone", "EndDate", "EmailStatus", "SentBefore"],
            new[] { backwards, missing, zone, campaign, zoneWithoutRange, halfRange, sent, window }.Select(e => e.Field));
        Assert.Contains("America/New_York", zone.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task An_unknown_campaign_is_CampaignNotFound_and_a_server_error_on_a_read_is_retried()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, Leads);
        sandbox.Server.Faults.Add(new CampaignPS.Sandbox.FaultRule { Method = "GET", PathPrefix = sandbox.ApiPath + $"campaigns/{campaignId}/statistics", Kind = CampaignPS.Sandbox.FaultKind.Status, StatusCode = 503 });

        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() => client.Statistics.GetCampaignAnalyticsAsync(424242));
        var rows = await client.Statistics.GetPageAsync(campaignId, null, null);

        Assert.Equal("SmartleadCampaignNotFound", unknown.ErrorId);
        Assert.Empty(rows.Items);
        Assert.Equal(2, sandbox.Count("GET", $"campaigns/{campaignId}/statistics"));
    }
}
