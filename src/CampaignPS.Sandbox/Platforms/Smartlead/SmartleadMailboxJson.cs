using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Email account and warmup bodies: the API reference's flat EmailAccount and WarmupStats, or the docs site's
/// (message_per_day, SMTP/IMAP checks, warmup_details with a "98%" reputation, daily_stats).</summary>
internal static class SmartleadMailboxJson
{
    public static JsonObject Account(SmartleadSandboxState state, SmartleadEmailAccount account, SmartleadReadShape shape)
    {
        var health = state.Health(account.Id);
        var (campaigns, sentToday) = state.MailboxUse(account.Id);
        if (shape == SmartleadReadShape.Reference)
        {
            return new JsonObject
            {
                ["id"] = account.Id,
                ["from_name"] = account.FromName,
                ["from_email"] = account.FromEmail,
                ["smtp_host"] = "smtp.outreach.example",
                ["smtp_port"] = 587,
                ["imap_host"] = "imap.outreach.example",
                ["imap_port"] = 993,
                ["warmup_enabled"] = health.WarmupEnabled,
                ["total_warmup_per_day"] = health.WarmupPerDay,
                ["daily_rampup"] = health.DailyRampup,
                ["max_email_per_day"] = account.MaxEmailPerDay,
                ["is_suspended"] = health.IsSuspended,
                ["connection_status"] = health.IsConnected ? "CONNECTED" : "DISCONNECTED",
            };
        }

        return new JsonObject
        {
            ["id"] = account.Id,
            ["from_name"] = account.FromName,
            ["from_email"] = account.FromEmail,
            ["username"] = account.FromEmail,
            ["password"] = SmartleadSandboxState.MailboxPassword,
            ["smtp_host"] = "smtp.outreach.example",
            ["smtp_port"] = 587,
            ["smtp_port_type"] = "TLS",
            ["message_per_day"] = account.MaxEmailPerDay,
            ["imap_password"] = SmartleadSandboxState.MailboxPassword,
            ["is_smtp_success"] = health.IsConnected,
            ["is_imap_success"] = health.IsConnected,
            ["smtp_failure_error"] = health.SmtpError,
            ["imap_failure_error"] = null,
            ["type"] = "SMTP",
            ["daily_sent_count"] = sentToday,
            ["client_id"] = null,
            ["campaign_count"] = campaigns,
            ["is_suspended"] = health.IsSuspended,
            ["warmup_details"] = new JsonObject
            {
                ["status"] = health.WarmupEnabled ? "ACTIVE" : "INACTIVE",
                ["total_sent_count"] = health.WarmupPerDay * health.DaysInWarmup,
                ["total_spam_count"] = Spam(health, health.WarmupPerDay * health.DaysInWarmup),
                ["warmup_reputation"] = health.Reputation.ToString("0.##", CultureInfo.InvariantCulture) + "%",
                ["reply_rate"] = health.ReplyRatePercentage,
                ["warmup_max_count"] = health.WarmupPerDay,
                ["is_warmup_blocked"] = false,
                ["blocked_reason"] = null,
            },
        };
    }

    /// <summary>Warmup results: the reference's totals, or the docs' totals with the last seven days.</summary>
    public static JsonObject WarmupStats(SmartleadMailboxHealth health, DateOnly today, SmartleadReadShape shape)
    {
        var perDay = health.WarmupEnabled ? health.WarmupPerDay : 0;
        var days = Math.Min(7, health.DaysInWarmup);
        if (shape == SmartleadReadShape.Reference)
        {
            var total = perDay * health.DaysInWarmup;
            return new JsonObject
            {
                ["total_sent"] = total,
                ["total_inbox"] = total - Spam(health, total),
                ["total_spam"] = Spam(health, total),
                ["warmup_reputation"] = health.Reputation,
                ["days_in_warmup"] = health.DaysInWarmup,
            };
        }

        var daily = Enumerable.Range(0, days).Select(back => today.AddDays(back - days + 1)).Select(day => (JsonNode)new JsonObject
        {
            ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sent"] = perDay,
            ["spam"] = Spam(health, perDay),
            ["delivered"] = perDay - Spam(health, perDay),
            ["opened"] = perDay * 3 / 4,
            ["replied"] = perDay * health.ReplyRatePercentage / 100,
        }).ToArray();
        return new JsonObject
        {
            ["total_sent"] = perDay * days,
            ["spam_count"] = Spam(health, perDay * days),
            ["reputation_score"] = health.Reputation,
            ["daily_stats"] = new JsonArray(daily),
        };
    }

    private static int Spam(SmartleadMailboxHealth health, int sent) => (int)Math.Round(sent * (100 - health.Reputation) / 100);
}
