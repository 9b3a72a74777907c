using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>The statistics and analytics bodies, counted from the sends, in the shapes the documents show (see
/// CampaignPS.Engine's SmartleadStatisticsWire.cs for the list of documents).</summary>
internal static class SmartleadStatisticsJson
{
    /// <summary>The docs' statistics page: one row per sent email, with total_stats as a string.</summary>
    public static JsonObject EmailRows(SmartleadSandboxState state, SmartleadCampaign campaign, IReadOnlyList<SmartleadSend> page, int total, int offset, int limit)
    {
        var leads = state.Leads(campaign.Id).ToDictionary(l => l.Id);
        return new JsonObject
        {
            ["total_stats"] = total.ToString(CultureInfo.InvariantCulture),
            ["data"] = new JsonArray(page.Select(send => (JsonNode)EmailRow(state, campaign, leads.GetValueOrDefault(send.LeadId), send)).ToArray()),
            ["offset"] = offset,
            ["limit"] = limit,
        };
    }

    /// <summary>The docs' get-by-id page: one row per sequence step.</summary>
    public static JsonObject StepRows(IReadOnlyList<SmartleadSend> sends, int offset, int limit, long campaignId) => new()
    {
        ["ok"] = true,
        ["data"] = new JsonArray(sends.GroupBy(s => s.SequenceNumber).OrderBy(g => g.Key).Skip(offset).Take(limit).Select(step =>
        {
            var counts = SendCounts.Of(step);
            return (JsonNode)new JsonObject
            {
                ["campaign_id"] = campaignId,
                ["sequence_number"] = step.Key,
                ["sent"] = counts.Sent,
                ["opened"] = counts.Opened,
                ["clicked"] = counts.Clicked,
                ["replied"] = counts.Replied,
                ["unsubscribed"] = counts.Unsubscribed,
                ["bounced"] = counts.Bounced,
            };
        }).ToArray()),
        ["offset"] = offset,
        ["limit"] = limit,
    };

    /// <summary>The API reference's CampaignStatistics.</summary>
    public static JsonObject Totals(SmartleadCampaign campaign, IReadOnlyList<SmartleadSend> sends)
    {
        var counts = SendCounts.Of(sends);
        return new JsonObject
        {
            ["total_leads"] = campaign.LeadCount,
            ["emails_sent"] = counts.Sent,
            ["emails_opened"] = counts.Opened,
            ["emails_clicked"] = counts.Clicked,
            ["emails_replied"] = counts.Replied,
            ["emails_bounced"] = counts.Bounced,
            ["unsubscribed"] = counts.Unsubscribed,
            ["open_rate"] = counts.Rate(counts.Opened),
            ["click_rate"] = counts.Rate(counts.Clicked),
            ["reply_rate"] = counts.Rate(counts.Replied),
            ["bounce_rate"] = counts.Rate(counts.Bounced),
        };
    }

    /// <summary>GET /campaigns/{id}/analytics: the reference's {campaign_id, metrics, time_series} or the docs' flat totals.</summary>
    public static JsonObject CampaignAnalytics(SmartleadCampaign campaign, IReadOnlyList<SmartleadSend> sends, SmartleadReadShape shape)
    {
        var counts = SendCounts.Of(sends);
        if (shape == SmartleadReadShape.Docs)
        {
            return new JsonObject
            {
                ["campaign_id"] = campaign.Id,
                ["campaign_name"] = campaign.Name,
                ["total_sent"] = counts.Sent,
                ["total_opened"] = counts.Opened,
                ["total_clicked"] = counts.Clicked,
                ["total_replied"] = counts.Replied,
                ["open_rate"] = counts.Rate(counts.Opened),
                ["click_rate"] = counts.Rate(counts.Clicked),
                ["reply_rate"] = counts.Rate(counts.Replied),
                ["bounce_rate"] = counts.Rate(counts.Bounced),
                ["unsubscribe_rate"] = counts.Rate(counts.Unsubscribed),
            };
        }

        var metrics = Counters(counts, "");
        metrics["total_leads"] = campaign.LeadCount;
        return new JsonObject
        {
            ["campaign_id"] = campaign.Id,
            ["metrics"] = metrics,
            ["time_series"] = new JsonArray(sends.GroupBy(s => SmartleadSandboxState.DayOf(s, TimeZoneInfo.Utc)).OrderBy(g => g.Key)
                .Select(day => (JsonNode)Day(day.Key, SendCounts.Of(day))).ToArray()),
        };
    }

    /// <summary>The docs' get-analytics-by-date page (the only document of that route).</summary>
    public static JsonObject CampaignAnalyticsByDate(SmartleadCampaign campaign, IReadOnlyList<SmartleadSend> sends, SendWindow window)
    {
        var counts = SendCounts.Of(sends);
        return new JsonObject
        {
            ["campaign_id"] = campaign.Id,
            ["start_date"] = window.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end_date"] = window.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["total_sent"] = counts.Sent,
            ["open_rate"] = counts.Rate(counts.Opened),
            ["click_rate"] = counts.Rate(counts.Clicked),
            ["reply_rate"] = counts.Rate(counts.Replied),
        };
    }

    /// <summary>/analytics/overall-stats-v2: the reference's OverallStats or the docs' {ok, data: {overall_stats}} with string rates.</summary>
    public static JsonNode Overall(IReadOnlyList<SmartleadSend> sends, SmartleadReadShape shape)
    {
        var counts = SendCounts.Of(sends);
        if (shape == SmartleadReadShape.Reference)
        {
            var totals = Counters(counts, "total_");
            totals.Remove("total_unsubscribed");
            totals.Remove("bounce_rate");
            totals.Remove("unsubscribe_rate");
            return totals;
        }

        return Docs("overall_stats", new JsonObject
        {
            ["sent"] = counts.Sent,
            ["opened"] = counts.Opened,
            ["replied"] = counts.Replied,
            ["bounced"] = counts.Bounced,
            ["unique_lead_count"] = counts.UniqueLeads,
            ["open_rate"] = Percent(counts.Rate(counts.Opened)),
            ["reply_rate"] = Percent(counts.Rate(counts.Replied)),
            ["bounce_rate"] = Percent(counts.Rate(counts.Bounced)),
        });
    }

    /// <summary>/analytics/day-wise-overall-stats: the days with sends.</summary>
    public static JsonNode DayWise(IReadOnlyList<SmartleadSend> sends, TimeZoneInfo zone, SmartleadReadShape shape)
    {
        var days = new JsonArray(sends.GroupBy(s => SmartleadSandboxState.DayOf(s, zone)).OrderBy(g => g.Key)
            .Select(day =>
            {
                var row = Day(day.Key, SendCounts.Of(day));
                if (shape == SmartleadReadShape.Docs)
                {
                    row.Remove("clicked");
                }
                else
                {
                    row.Remove("bounced");
                }
                return (JsonNode)row;
            }).ToArray());
        return shape == SmartleadReadShape.Docs ? Docs("day_wise_stats", days) : days;
    }

    /// <summary>/analytics/campaign/overall-stats: one row per campaign the window covers.</summary>
    public static JsonNode CampaignWise(IReadOnlyList<(SmartleadCampaign Campaign, IReadOnlyList<SmartleadSend> Sends)> campaigns, int offset, int limit, SmartleadReadShape shape)
    {
        var rows = new JsonArray(campaigns.Skip(offset).Take(limit).Select(c =>
        {
            var counts = SendCounts.Of(c.Sends);
            return (JsonNode)(shape == SmartleadReadShape.Docs
                ? new JsonObject
                {
                    ["id"] = c.Campaign.Id,
                    ["campaign_name"] = c.Campaign.Name,
                    ["sent"] = counts.Sent,
                    ["opened"] = counts.Opened,
                    ["replied"] = counts.Replied,
                    ["bounced"] = counts.Bounced,
                    ["open_rate"] = Percent(counts.Rate(counts.Opened)),
                    ["reply_rate"] = Percent(counts.Rate(counts.Replied)),
                    ["bounce_rate"] = Percent(counts.Rate(counts.Bounced)),
                    ["unique_lead_count"] = counts.UniqueLeads,
                }
                : new JsonObject
                {
                    ["campaign_id"] = c.Campaign.Id,
                    ["campaign_name"] = c.Campaign.Name,
                    ["sent"] = counts.Sent,
                    ["opened"] = counts.Opened,
                    ["clicked"] = counts.Clicked,
                    ["replied"] = counts.Replied,
                    ["open_rate"] = counts.Rate(counts.Opened),
                    ["click_rate"] = counts.Rate(counts.Clicked),
                    ["reply_rate"] = counts.Rate(counts.Replied),
                });
        }).ToArray());
        return shape == SmartleadReadShape.Docs ? Docs("campaign_wise_performance", rows) : rows;
    }

    /// <summary>The reference's mailbox rows: one per mailbox that sent in the window.</summary>
    public static JsonArray MailboxRows(SmartleadSandboxState state, IReadOnlyList<SmartleadSend> sends) =>
        new(sends.GroupBy(s => s.EmailAccountId).OrderBy(g => g.Key).Select(mailbox =>
        {
            var counts = SendCounts.Of(mailbox);
            return (JsonNode)new JsonObject
            {
                ["email_account_id"] = mailbox.Key,
                ["email"] = state.EmailAccounts.First(a => a.Id == mailbox.Key).FromEmail,
                ["sent"] = counts.Sent,
                ["opened"] = counts.Opened,
                ["clicked"] = counts.Clicked,
                ["replied"] = counts.Replied,
            };
        }).ToArray());

    /// <summary>The docs' mailbox health page: the fleet's connection totals, not per mailbox.</summary>
    public static JsonNode MailboxTotals(SmartleadSandboxState state) => Docs("overall_mailbox_stats", new JsonObject
    {
        ["total_connected"] = state.EmailAccounts.Count(a => state.Health(a.Id).IsConnected),
        ["in_use"] = state.EmailAccounts.Count(a => state.MailboxUse(a.Id).Campaigns > 0),
        ["disconnected"] = state.EmailAccounts.Count(a => !state.Health(a.Id).IsConnected),
        ["enabled_without_warmup"] = state.EmailAccounts.Count(a => state.Health(a.Id) is { IsConnected: true, WarmupEnabled: false }),
    });

    /// <summary>The docs' email-wise health page (/analytics/mailbox/name-wise-health-metrics).</summary>
    public static JsonNode NameWise(SmartleadSandboxState state, IReadOnlyList<SmartleadSend> sends) => Docs("email_health_metrics",
        new JsonArray(sends.GroupBy(s => s.EmailAccountId).OrderBy(g => g.Key).Select(mailbox =>
        {
            var counts = SendCounts.Of(mailbox);
            return (JsonNode)new JsonObject
            {
                ["email_account"] = state.EmailAccounts.First(a => a.Id == mailbox.Key).FromEmail,
                ["sent"] = counts.Sent,
                ["opened"] = counts.Opened,
                ["replied"] = counts.Replied,
                ["bounced"] = counts.Bounced,
            };
        }).ToArray()));

    private static JsonObject EmailRow(SmartleadSandboxState state, SmartleadCampaign campaign, SmartleadLead? lead, SmartleadSend send)
    {
        var category = state.LeadCategoryId(campaign.Id, send.LeadId) is { } id ? state.LeadCategories.FirstOrDefault(c => c.Id == id)?.Name : null;
        var subject = campaign.Sequences.FirstOrDefault(s => s.SeqNumber == send.SequenceNumber)?.Subject;
        return new JsonObject
        {
            ["lead_name"] = lead is null ? null : $"{lead.FirstName} {lead.LastName}".Trim(),
            ["lead_email"] = send.LeadEmail,
            ["lead_category"] = category,
            ["sequence_number"] = send.SequenceNumber,
            ["stats_id"] = send.Id.ToString(CultureInfo.InvariantCulture),
            ["email_subject"] = subject,
            ["sent_time"] = SmartleadJson.Timestamp(send.SentAt),
            ["open_time"] = send.OpenedAt is { } opened ? SmartleadJson.Timestamp(opened) : null,
            ["click_time"] = send.ClickedAt is { } clicked ? SmartleadJson.Timestamp(clicked) : null,
            ["reply_time"] = send.RepliedAt is { } replied ? SmartleadJson.Timestamp(replied) : null,
            ["is_opened"] = send.OpenedAt.HasValue,
            ["is_clicked"] = send.ClickedAt.HasValue,
            ["is_replied"] = send.RepliedAt.HasValue,
            ["is_bounced"] = send.Bounced,
            ["is_unsubscribed"] = send.Unsubscribed,
        };
    }

    private static JsonObject Counters(SendCounts counts, string prefix) => new()
    {
        [prefix + "sent"] = counts.Sent,
        [prefix + "opened"] = counts.Opened,
        [prefix + "clicked"] = counts.Clicked,
        [prefix + "replied"] = counts.Replied,
        [prefix + "bounced"] = counts.Bounced,
        [prefix + "unsubscribed"] = counts.Unsubscribed,
        ["open_rate"] = counts.Rate(counts.Opened),
        ["click_rate"] = counts.Rate(counts.Clicked),
        ["reply_rate"] = counts.Rate(counts.Replied),
        ["bounce_rate"] = counts.Rate(counts.Bounced),
        ["unsubscribe_rate"] = counts.Rate(counts.Unsubscribed),
    };

    private static JsonObject Day(DateOnly day, SendCounts counts) => new()
    {
        ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sent"] = counts.Sent,
        ["opened"] = counts.Opened,
        ["clicked"] = counts.Clicked,
        ["replied"] = counts.Replied,
        ["bounced"] = counts.Bounced,
    };

    private static JsonObject Docs(string key, JsonNode value) => new() { ["ok"] = true, ["data"] = new JsonObject { [key] = value } };

    private static string Percent(double rate) => rate.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
