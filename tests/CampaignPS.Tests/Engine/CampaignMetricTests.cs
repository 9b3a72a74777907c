using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Metrics;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;
using CampaignPS.Engine.Validation;
using CampaignPS.Tests.Support;
using Xunit;
using SmartleadEmailEvent = CampaignPS.Sandbox.Platforms.Smartlead.SmartleadEmailEvent;

namespace CampaignPS.Tests.Engine;

/// <summary>Issue 16, one metrics shape: each platform's mapper (figures, undocumented ones null, a field the answer left out), and the reads against the sandbox.</summary>
public sealed class CampaignMetricTests
{
    private static readonly Guid OutboxId = Guid.Parse("3c90c3cc-0d44-4b50-8888-8dd25736052a");

    // Every figure of the shape, in its order, so one assertion shows which are null.
    private static long?[] Figures(CampaignMetric m) => [m.Sent, m.Delivered, m.Opened, m.Clicked, m.Replied, m.Bounced, m.Unsubscribed, m.Failed];

    [Fact]
    public void Metric_Loops_maps_sends_opens_clicks_bounces_and_unsubscribes_and_leaves_what_Loops_does_not_count_null()
    {
        var campaign = new LoopsCampaign { Id = "cmp_1", Name = "Spring", Status = "Sent" };
        var counters = new LoopsCampaignMetric { CampaignId = "cmp_1", Sends = 120, Opens = 60, Clicks = 12, Unsubscribes = 3, SpamReports = 1, HardBounces = 4, SoftBounces = 2, Bounces = 6 };

        CampaignMetric metric = LoopsMetricMapper.Map(campaign, counters);

        Assert.Equal((Platform.Loops, "cmp_1", "Spring", "Sent"), (metric.Platform, metric.CampaignId, metric.CampaignName, metric.Status));
        Assert.Equal([120, null, 60, 12, null, 6, 3, null], Figures(metric));
    }

    [Fact]
    public void Metric_Loops_campaign_without_name_or_status_gives_null_not_empty_text()
    {
        CampaignMetric metric = LoopsMetricMapper.Map(new LoopsCampaign { Id = "cmp_2" }, new LoopsCampaignMetric { CampaignId = "cmp_2" });

        Assert.Null(metric.CampaignName);
        Assert.Null(metric.Status);
        Assert.Equal(0, metric.Sent);
    }

    [Fact]
    public void Metric_Smartlead_maps_the_analytics_counters_and_keeps_a_count_the_answer_left_out_null()
    {
        var campaign = new SmartleadCampaign { Id = 125, Name = "Q1 CFO", Status = "ACTIVE" };
        var analytics = new SmartleadCampaignAnalytics { CampaignId = 125, Sent = 6, Opened = 4, Clicked = 1, Replied = 1, Bounced = null, Unsubscribed = 0 };

        CampaignMetric metric = SmartleadMetricMapper.Map(campaign, analytics);

        Assert.Equal((Platform.Smartlead, "125", "Q1 CFO", "ACTIVE"), (metric.Platform, metric.CampaignId, metric.CampaignName, metric.Status));
        Assert.Equal([6, null, 4, 1, 1, null, 0, null], Figures(metric));
    }

    [Fact]
    public void Metric_Outbox_maps_the_campaign_objects_counters_and_a_counter_that_was_not_a_number_is_null()
    {
        var campaign = new OutboxCampaign { Id = OutboxId, Name = "Q3", Status = "active", SentCount = 40, UniqueOpens = null, UniqueClicks = 5, Replies = 2 };

        CampaignMetric metric = OutboxMetricMapper.Map(campaign);

        Assert.Equal((Platform.Outbox, "3c90c3cc-0d44-4b50-8888-8dd25736052a", "Q3", "active"), (metric.Platform, metric.CampaignId, metric.CampaignName, metric.Status));
        Assert.Equal([40, null, null, 5, 2, null, null, null], Figures(metric));
    }

    [Fact]
    public void Metric_Sms_maps_sent_and_failed_and_a_campaign_without_stats_has_no_figures()
    {
        var sent = new SmsCampaign { Id = "665f1a0c0e0a4b001a2c9f10", Name = "Q2 Lead Gen", Status = "completed", Total = 3, Sent = 2, Failed = 1 };
        var draft = new SmsCampaign { Id = "665f1a0c0e0a4b001a2c9f11", Name = "Draft" };

        CampaignMetric metric = SmsMetricMapper.Map(sent);
        CampaignMetric empty = SmsMetricMapper.Map(draft);

        Assert.Equal((Platform.Sms, "665f1a0c0e0a4b001a2c9f10", "Q2 Lead Gen", "completed"), (metric.Platform, metric.CampaignId, metric.CampaignName, metric.Status));
        Assert.Equal([2, null, null, null, null, null, null, 1], Figures(metric));
        Assert.All(Figures(empty), Assert.Null);
        Assert.Null(empty.Status);
    }

    [Fact]
    public async Task Metric_reader_reads_a_Loops_campaign_and_its_counters()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Metrics", MailingListId = "list_main" });
        await client.UpdateCampaignAsync(campaign.Id, new LoopsCampaignChanges { SendNow = true });
        sandbox.Server.Loops.AddEngagement(campaign.Id, new CampaignPS.Sandbox.Platforms.Loops.LoopsCampaignMetrics(0, 60, 12, 3, 1, 4, 2));

        CampaignMetric metric = await CampaignMetricReader.ReadAsync(client, campaign.Id);

        Assert.Equal((campaign.Id, "Metrics"), (metric.CampaignId, metric.CampaignName));
        Assert.NotNull(metric.Status);
        Assert.Equal([120, null, 60, 12, null, 6, 3, null], Figures(metric));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => CampaignMetricReader.ReadAsync(client, "cmp_nope"));
        Assert.Equal("LoopsCampaignNotFound", missing.ErrorId);
    }

    [Fact]
    public async Task Metric_reader_reads_a_Smartlead_campaign_and_its_analytics_and_refuses_an_id_that_is_not_a_number_before_sending()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = await SmartleadLaunch.StartAsync(sandbox, client, "ann@acme.example", "bo@acme.example", "cy@acme.example");
        SmartleadLaunch.Deliver(sandbox, campaignId, ("ann@acme.example", SmartleadEmailEvent.Replied), ("bo@acme.example", SmartleadEmailEvent.Bounced), ("cy@acme.example", SmartleadEmailEvent.Clicked));

        CampaignMetric metric = await CampaignMetricReader.ReadAsync(client, campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int before = sandbox.Server.Requests.Snapshot().Count;
        var bad = await Assert.ThrowsAsync<InputValidationException>(() => CampaignMetricReader.ReadAsync(client, "12a"));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => CampaignMetricReader.ReadAsync(client, "999999"));

        Assert.Equal(("After launch", "ACTIVE"), (metric.CampaignName, metric.Status));
        Assert.Equal(3, metric.Sent);
        Assert.Equal(1, metric.Replied);
        Assert.Equal(1, metric.Bounced);
        Assert.Null(metric.Delivered);
        Assert.Null(metric.Failed);
        Assert.Equal("SmartleadInvalidCampaignId", bad.ErrorId);
        Assert.Equal(before + 1, sandbox.Server.Requests.Snapshot().Count);
        Assert.Equal("SmartleadCampaignNotFound", missing.ErrorId);
    }

    [Fact]
    public async Task Metric_reader_reads_an_SMS_campaigns_stats_after_the_send()
    {
        await using var sandbox = await SmsSandbox.StartAsync();
        using var client = sandbox.Client();
        SmsCampaign draft = await client.CreateCampaignAsync(new NewSmsCampaign
        {
            Name = "Send me",
            Message = "Hi",
            NewContacts = [Contact(1, "+14155550133"), Contact(2, "+14155550000"), Contact(3, "+14155550134")],
        });
        await client.SendCampaignAsync(draft.Id);

        CampaignMetric metric = await CampaignMetricReader.ReadAsync(client, draft.Id);
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() => CampaignMetricReader.ReadAsync(client, "665f1a0c0e0a4b001a2c9fff"));

        Assert.Equal(("Send me", "completed"), (metric.CampaignName, metric.Status));
        Assert.Equal([2, null, null, null, null, null, null, 1], Figures(metric));
        Assert.Equal("SmsCampaignNotFound", missing.ErrorId);
    }

    [Fact]
    public void Metric_an_Outbox_campaign_by_id_is_not_readable_and_says_what_to_pipe_instead()
    {
        CampaignApiException refusal = CampaignMetricReader.OutboxCampaignNotReadable("3c90c3cc-0d44-4b50-8888-8dd25736052a");

        Assert.Equal("OutboxCampaignNotReadable", refusal.ErrorId);
        Assert.Equal(Platform.Outbox, refusal.Failure.Platform);
        Assert.Contains("New-OutboxCampaign", refusal.Message, StringComparison.Ordinal);
    }

    private static SmsContact Contact(long row, string phone) =>
        SmsContact.FromFields([new KeyValuePair<string, object?>("firstName", "Jo"), new KeyValuePair<string, object?>("phoneNumber", phone)], row, null);
}
