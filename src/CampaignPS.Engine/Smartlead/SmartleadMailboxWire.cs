using System.Globalization;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

// Email account shapes. The API reference (Email Accounts API, harvested 2026-08-13): EmailAccount {id, from_name,
// from_email, warmup_enabled, total_warmup_per_day, daily_rampup, max_email_per_day, is_suspended, connection_status},
// WarmupSettings {warmup_enabled, total_warmup_per_day, daily_rampup, reply_rate_percentage}, WarmupStats {total_sent,
// total_inbox, total_spam, warmup_reputation, days_in_warmup}. The docs site (get-all.mdx, get-by-id.mdx,
// warmup-stats.mdx): message_per_day, daily_sent_count, type, is_smtp_success / is_imap_success with their errors,
// campaign_count, warmup_details {status, warmup_reputation ("95%" or 95), warmup_max_count, is_warmup_blocked,
// blocked_reason}, and warmup stats {total_sent, spam_count, reputation_score, daily_stats}. The docs' answers also
// carry the mailbox passwords: no property here reads them, so they never reach an object, a log or an error.

internal sealed class EmailAccountDto
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("from_name")] public string? FromName { get; set; }
    [JsonPropertyName("from_email")] public string? FromEmail { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("max_email_per_day")] public int? MaxEmailPerDay { get; set; }
    [JsonPropertyName("message_per_day")] public int? MessagePerDay { get; set; }
    [JsonPropertyName("daily_sent_count")] public int? DailySentCount { get; set; }
    [JsonPropertyName("connection_status")] public string? ConnectionStatus { get; set; }
    [JsonPropertyName("is_smtp_success")] public bool? IsSmtpSuccess { get; set; }
    [JsonPropertyName("is_imap_success")] public bool? IsImapSuccess { get; set; }
    [JsonPropertyName("smtp_failure_error")] public string? SmtpFailureError { get; set; }
    [JsonPropertyName("imap_failure_error")] public string? ImapFailureError { get; set; }
    [JsonPropertyName("is_suspended")] public bool? IsSuspended { get; set; }
    [JsonPropertyName("warmup_enabled")] public bool? WarmupEnabled { get; set; }
    [JsonPropertyName("total_warmup_per_day")] public int? TotalWarmupPerDay { get; set; }
    [JsonPropertyName("daily_rampup")] public int? DailyRampup { get; set; }
    [JsonPropertyName("campaign_count")] public int? CampaignCount { get; set; }
    [JsonPropertyName("client_id")] public long? ClientId { get; set; }
    [JsonPropertyName("warmup_details")] public WarmupDetailsDto? WarmupDetails { get; set; }

    // The docs' campaign email-accounts page puts it at the top, as a word ("excellent"): only a number is kept.
    [JsonPropertyName("warmup_reputation")][JsonConverter(typeof(LenientNumberConverter))] public double? WarmupReputation { get; set; }

    public SmartleadEmailAccount ToModel() => new SmartleadEmailAccount
    {
        Id = Id,
        FromName = FromName,
        FromEmail = FromEmail,
        Type = Type,
        MaxEmailPerDay = MaxEmailPerDay ?? MessagePerDay ?? WarmupDetails?.MaxEmailPerDay,
        DailySentCount = DailySentCount,
        ConnectionStatus = ConnectionStatus ?? Connection(),
        ConnectionError = SmtpFailureError ?? ImapFailureError,
        IsSuspended = IsSuspended,
        WarmupEnabled = WarmupEnabled ?? (WarmupDetails?.Status == null ? (bool?)null : string.Equals(WarmupDetails.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)),
        WarmupStatus = WarmupDetails?.Status ?? (WarmupEnabled == null ? null : WarmupEnabled.Value ? "ACTIVE" : "INACTIVE"),
        WarmupPerDay = TotalWarmupPerDay ?? WarmupDetails?.WarmupMaxCount,
        DailyRampup = DailyRampup,
        WarmupReputation = WarmupDetails?.WarmupReputation ?? WarmupReputation,
        WarmupBlockedReason = WarmupDetails?.BlockedReason ?? (WarmupDetails?.IsWarmupBlocked == true ? "blocked" : null),
        CampaignCount = CampaignCount,
        ClientId = ClientId,
    };

    private string? Connection()
    {
        if (IsSmtpSuccess == null && IsImapSuccess == null)
        {
            return null;
        }

        return IsSmtpSuccess != false && IsImapSuccess != false ? "CONNECTED" : "DISCONNECTED";
    }
}

internal sealed class WarmupDetailsDto
{
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("warmup_reputation")][JsonConverter(typeof(LenientNumberConverter))] public double? WarmupReputation { get; set; }
    [JsonPropertyName("warmup_max_count")] public int? WarmupMaxCount { get; set; }
    [JsonPropertyName("max_email_per_day")] public int? MaxEmailPerDay { get; set; }
    [JsonPropertyName("is_warmup_blocked")] public bool? IsWarmupBlocked { get; set; }
    [JsonPropertyName("blocked_reason")] public string? BlockedReason { get; set; }
}

internal sealed class WarmupBody
{
    [JsonPropertyName("warmup_enabled")] public bool WarmupEnabled { get; set; }
    [JsonPropertyName("total_warmup_per_day")] public int? TotalWarmupPerDay { get; set; }
    [JsonPropertyName("daily_rampup")] public int? DailyRampup { get; set; }
    [JsonPropertyName("reply_rate_percentage")] public int? ReplyRatePercentage { get; set; }
}

internal sealed class WarmupStatsDto
{
    [JsonPropertyName("total_sent")][JsonConverter(typeof(LenientCountConverter))] public long? TotalSent { get; set; }
    [JsonPropertyName("total_inbox")][JsonConverter(typeof(LenientCountConverter))] public long? TotalInbox { get; set; }
    [JsonPropertyName("total_spam")][JsonConverter(typeof(LenientCountConverter))] public long? TotalSpam { get; set; }
    [JsonPropertyName("spam_count")][JsonConverter(typeof(LenientCountConverter))] public long? SpamCount { get; set; }
    [JsonPropertyName("warmup_reputation")][JsonConverter(typeof(LenientNumberConverter))] public double? WarmupReputation { get; set; }
    [JsonPropertyName("reputation_score")][JsonConverter(typeof(LenientNumberConverter))] public double? ReputationScore { get; set; }
    [JsonPropertyName("days_in_warmup")] public int? DaysInWarmup { get; set; }
    [JsonPropertyName("daily_stats")] public List<WarmupDayDto>? DailyStats { get; set; }

    public SmartleadWarmupStatistic ToModel(long emailAccountId) => new SmartleadWarmupStatistic
    {
        EmailAccountId = emailAccountId,
        Sent = TotalSent,
        Inbox = TotalInbox,
        Spam = TotalSpam ?? SpamCount,
        Reputation = WarmupReputation ?? ReputationScore,
        DaysInWarmup = DaysInWarmup,
        Daily = (DailyStats ?? new List<WarmupDayDto>()).Select(d => d.ToModel()).Where(d => d.Date != default).ToList(),
    };
}

internal sealed class WarmupDayDto
{
    [JsonPropertyName("date")] public string? Date { get; set; }
    [JsonPropertyName("sent")][JsonConverter(typeof(LenientCountConverter))] public long? Sent { get; set; }
    [JsonPropertyName("delivered")][JsonConverter(typeof(LenientCountConverter))] public long? Delivered { get; set; }
    [JsonPropertyName("spam")][JsonConverter(typeof(LenientCountConverter))] public long? Spam { get; set; }
    [JsonPropertyName("opened")][JsonConverter(typeof(LenientCountConverter))] public long? Opened { get; set; }
    [JsonPropertyName("replied")][JsonConverter(typeof(LenientCountConverter))] public long? Replied { get; set; }

    public SmartleadWarmupDay ToModel() => new SmartleadWarmupDay
    {
        Date = DateTime.TryParse(Date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime day) ? day.Date : default,
        Sent = Sent,
        Delivered = Delivered,
        Spam = Spam,
        Opened = Opened,
        Replied = Replied,
    };
}
