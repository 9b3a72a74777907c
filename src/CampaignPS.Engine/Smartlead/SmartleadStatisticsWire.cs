using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

// Statistics and analytics read shapes. Nothing here is written. The API reference (Campaign Statistics and
// Analytics APIs, harvested 2026-08-13) gives CampaignStatistics {total_leads, emails_sent, ...}, CampaignAnalytics
// {campaign_id, metrics, time_series}, OverallStats {total_sent, ...}, DailyStats, CampaignPerformance and mailbox
// rows {email_account_id, email, sent, ...}. The docs site gives per-email statistics rows {lead_email, sent_time,
// is_opened, ...} with total_stats, per-step rows {sequence_number, sent, opened, ...}, flat campaign analytics
// {total_sent, open_rate, ...}, and analytics under {"ok": true, "data": {"overall_stats" | "day_wise_stats" |
// "campaign_wise_performance" | ...}} with rates as strings ("34%"). Every property below is one of those names.

/// <summary>The plain counters every counting answer may carry, whatever else it has.</summary>
internal abstract class CountsDto
{
    [JsonPropertyName("sent")][JsonConverter(typeof(LenientCountConverter))] public long? Sent { get; set; }
    [JsonPropertyName("opened")][JsonConverter(typeof(LenientCountConverter))] public long? Opened { get; set; }
    [JsonPropertyName("clicked")][JsonConverter(typeof(LenientCountConverter))] public long? Clicked { get; set; }
    [JsonPropertyName("replied")][JsonConverter(typeof(LenientCountConverter))] public long? Replied { get; set; }
    [JsonPropertyName("bounced")][JsonConverter(typeof(LenientCountConverter))] public long? Bounced { get; set; }
    [JsonPropertyName("unsubscribed")][JsonConverter(typeof(LenientCountConverter))] public long? Unsubscribed { get; set; }
}

/// <summary>One statistics row in any of the documented kinds (see <see cref="SmartleadCampaignStatistic"/>).</summary>
internal sealed class StatisticRowDto : CountsDto
{
    [JsonPropertyName("campaign_id")] public long? CampaignId { get; set; }
    [JsonPropertyName("lead_email")] public string? LeadEmail { get; set; }
    [JsonPropertyName("lead_name")] public string? LeadName { get; set; }
    [JsonPropertyName("lead_category")] public string? LeadCategory { get; set; }
    [JsonPropertyName("sequence_number")] public int? SequenceNumber { get; set; }
    [JsonPropertyName("email_subject")] public string? EmailSubject { get; set; }
    [JsonPropertyName("sent_time")] public string? SentTime { get; set; }
    [JsonPropertyName("open_time")] public string? OpenTime { get; set; }
    [JsonPropertyName("click_time")] public string? ClickTime { get; set; }
    [JsonPropertyName("reply_time")] public string? ReplyTime { get; set; }
    [JsonPropertyName("is_opened")] public bool? IsOpened { get; set; }
    [JsonPropertyName("is_clicked")] public bool? IsClicked { get; set; }
    [JsonPropertyName("is_replied")] public bool? IsReplied { get; set; }
    [JsonPropertyName("is_bounced")] public bool? IsBounced { get; set; }
    [JsonPropertyName("is_unsubscribed")] public bool? IsUnsubscribed { get; set; }
    [JsonPropertyName("open_count")][JsonConverter(typeof(LenientCountConverter))] public long? OpenCount { get; set; }
    [JsonPropertyName("click_count")][JsonConverter(typeof(LenientCountConverter))] public long? ClickCount { get; set; }
    [JsonPropertyName("contacted")][JsonConverter(typeof(LenientCountConverter))] public long? Contacted { get; set; }
    [JsonPropertyName("emails_sent")][JsonConverter(typeof(LenientCountConverter))] public long? EmailsSent { get; set; }
    [JsonPropertyName("emails_opened")][JsonConverter(typeof(LenientCountConverter))] public long? EmailsOpened { get; set; }
    [JsonPropertyName("emails_clicked")][JsonConverter(typeof(LenientCountConverter))] public long? EmailsClicked { get; set; }
    [JsonPropertyName("emails_replied")][JsonConverter(typeof(LenientCountConverter))] public long? EmailsReplied { get; set; }
    [JsonPropertyName("emails_bounced")][JsonConverter(typeof(LenientCountConverter))] public long? EmailsBounced { get; set; }

    public SmartleadCampaignStatistic ToModel(long campaignId)
    {
        var row = new SmartleadCampaignStatistic
        {
            CampaignId = CampaignId ?? campaignId,
            LeadEmail = LeadEmail,
            LeadName = LeadName,
            LeadCategory = LeadCategory,
            SequenceNumber = SequenceNumber,
            Subject = EmailSubject,
            SentTime = WireText.Date(SentTime),
            OpenTime = WireText.Date(OpenTime),
            ClickTime = WireText.Date(ClickTime),
            ReplyTime = WireText.Date(ReplyTime),
        };
        if (LeadEmail != null)
        {
            row.Sent = 1;
            row.Opened = Flag(IsOpened == true || row.OpenTime.HasValue || OpenCount > 0);
            row.Clicked = Flag(IsClicked == true || row.ClickTime.HasValue || ClickCount > 0);
            row.Replied = Flag(IsReplied == true || row.ReplyTime.HasValue);
            row.Bounced = Flag(IsBounced == true);
            row.Unsubscribed = Flag(IsUnsubscribed == true);
            return row;
        }

        row.Sent = Sent ?? EmailsSent ?? Contacted ?? 0;
        row.Opened = Opened ?? EmailsOpened ?? 0;
        row.Clicked = Clicked ?? EmailsClicked ?? 0;
        row.Replied = Replied ?? EmailsReplied ?? 0;
        row.Bounced = Bounced ?? EmailsBounced ?? 0;
        row.Unsubscribed = Unsubscribed ?? 0;
        return row;
    }

    private static long Flag(bool value) => value ? 1 : 0;
}

/// <summary>The statistics answer: rows in a list (bare, or under data with total_stats), or one totals object.</summary>
internal static class StatisticsAnswer
{
    public static (IReadOnlyList<SmartleadCampaignStatistic> Rows, long? Total) Read(JsonElement answer, long campaignId, string operation)
    {
        long? total = null;
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("total_stats", out JsonElement stated))
        {
            total = ReadCount(stated);
        }

        JsonElement value = SmartleadAnswer.Data(answer);
        if (value.ValueKind == JsonValueKind.Array)
        {
            return (SmartleadAnswer.List<StatisticRowDto>(value, operation).Select(r => r.ToModel(campaignId)).ToList(), total);
        }

        return (new[] { SmartleadAnswer.One<StatisticRowDto>(value, operation).ToModel(campaignId) }, null);
    }

    private static long? ReadCount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out long whole) ? whole : (long?)null,
        JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : (long?)null,
        _ => null,
    };
}

/// <summary>Counters under any of the documented names (campaign analytics, overall stats, campaign and mailbox rows).</summary>
internal sealed class CountersDto : CountsDto
{
    [JsonPropertyName("campaign_id")] public long? CampaignId { get; set; }
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("campaign_name")] public string? CampaignName { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email_account_id")] public long? EmailAccountId { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("email_account")] public string? EmailAccount { get; set; }
    [JsonPropertyName("start_date")] public string? StartDate { get; set; }
    [JsonPropertyName("end_date")] public string? EndDate { get; set; }
    [JsonPropertyName("date")] public string? Date { get; set; }
    [JsonPropertyName("total_leads")][JsonConverter(typeof(LenientCountConverter))] public long? TotalLeads { get; set; }
    [JsonPropertyName("total_sent")][JsonConverter(typeof(LenientCountConverter))] public long? TotalSent { get; set; }
    [JsonPropertyName("total_opened")][JsonConverter(typeof(LenientCountConverter))] public long? TotalOpened { get; set; }
    [JsonPropertyName("total_clicked")][JsonConverter(typeof(LenientCountConverter))] public long? TotalClicked { get; set; }
    [JsonPropertyName("total_replied")][JsonConverter(typeof(LenientCountConverter))] public long? TotalReplied { get; set; }
    [JsonPropertyName("total_bounced")][JsonConverter(typeof(LenientCountConverter))] public long? TotalBounced { get; set; }
    [JsonPropertyName("total_unsubscribed")][JsonConverter(typeof(LenientCountConverter))] public long? TotalUnsubscribed { get; set; }
    [JsonPropertyName("open_rate")][JsonConverter(typeof(LenientNumberConverter))] public double? OpenRate { get; set; }
    [JsonPropertyName("click_rate")][JsonConverter(typeof(LenientNumberConverter))] public double? ClickRate { get; set; }
    [JsonPropertyName("reply_rate")][JsonConverter(typeof(LenientNumberConverter))] public double? ReplyRate { get; set; }
    [JsonPropertyName("bounce_rate")][JsonConverter(typeof(LenientNumberConverter))] public double? BounceRate { get; set; }
    [JsonPropertyName("unsubscribe_rate")][JsonConverter(typeof(LenientNumberConverter))] public double? UnsubscribeRate { get; set; }
    [JsonPropertyName("metrics")] public CountersDto? Metrics { get; set; }
    [JsonPropertyName("time_series")] public List<CountersDto>? TimeSeries { get; set; }

    private CountersDto Counts => Metrics ?? this;

    public long? SentCount => Counts.TotalSent ?? Counts.Sent ?? TotalSent ?? Sent;
    public long? OpenedCount => Counts.TotalOpened ?? Counts.Opened ?? TotalOpened ?? Opened;
    public long? ClickedCount => Counts.TotalClicked ?? Counts.Clicked ?? TotalClicked ?? Clicked;
    public long? RepliedCount => Counts.TotalReplied ?? Counts.Replied ?? TotalReplied ?? Replied;
    public long? BouncedCount => Counts.TotalBounced ?? Counts.Bounced ?? TotalBounced ?? Bounced;
    public long? UnsubscribedCount => Counts.TotalUnsubscribed ?? Counts.Unsubscribed ?? TotalUnsubscribed ?? Unsubscribed;

    public double? Rate(Func<CountersDto, double?> stated, long? count) =>
        stated(Counts) ?? stated(this) ?? (count.HasValue && SentCount > 0 ? Math.Round(100.0 * count.Value / SentCount.Value, 2) : (double?)null);

    public SmartleadCampaignAnalytics ToCampaign(long campaignId) => new SmartleadCampaignAnalytics
    {
        CampaignId = CampaignId ?? Id ?? campaignId,
        CampaignName = CampaignName ?? Name,
        StartDate = Day(StartDate),
        EndDate = Day(EndDate),
        TotalLeads = Counts.TotalLeads ?? TotalLeads,
        Sent = SentCount,
        Opened = OpenedCount,
        Clicked = ClickedCount,
        Replied = RepliedCount,
        Bounced = BouncedCount,
        Unsubscribed = UnsubscribedCount,
        OpenRate = Rate(c => c.OpenRate, OpenedCount),
        ClickRate = Rate(c => c.ClickRate, ClickedCount),
        ReplyRate = Rate(c => c.ReplyRate, RepliedCount),
        BounceRate = Rate(c => c.BounceRate, BouncedCount),
        UnsubscribeRate = Rate(c => c.UnsubscribeRate, UnsubscribedCount),
        Daily = (TimeSeries ?? new List<CountersDto>()).Where(d => Day(d.Date).HasValue).Select(d => d.ToDaily()).ToList(),
    };

    public SmartleadAnalyticsSummary ToSummary(DateTime start, DateTime end) => new SmartleadAnalyticsSummary
    {
        StartDate = start.Date,
        EndDate = end.Date,
        Sent = SentCount,
        Opened = OpenedCount,
        Clicked = ClickedCount,
        Replied = RepliedCount,
        Bounced = BouncedCount,
        OpenRate = Rate(c => c.OpenRate, OpenedCount),
        ClickRate = Rate(c => c.ClickRate, ClickedCount),
        ReplyRate = Rate(c => c.ReplyRate, RepliedCount),
        BounceRate = Rate(c => c.BounceRate, BouncedCount),
    };

    public SmartleadDailyStatistic ToDaily() => new SmartleadDailyStatistic
    {
        Date = Day(Date) ?? default,
        Sent = SentCount,
        Opened = OpenedCount,
        Clicked = ClickedCount,
        Replied = RepliedCount,
        Bounced = BouncedCount,
    };

    public SmartleadMailboxStatistic ToMailbox() => new SmartleadMailboxStatistic
    {
        EmailAccountId = EmailAccountId ?? Id,
        Email = Email ?? EmailAccount,
        Sent = SentCount,
        Opened = OpenedCount,
        Clicked = ClickedCount,
        Replied = RepliedCount,
        Bounced = BouncedCount,
    };

    private static DateTime? Day(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime day) ? day.Date : (DateTime?)null;
}
