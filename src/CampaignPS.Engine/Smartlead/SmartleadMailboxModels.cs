namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// An email account (mailbox) that sends campaigns' emails, with the health figures to check before a campaign starts:
/// the connection, suspension, daily limits and warmup. Figures the answer leaves out are null.
/// </summary>
public sealed class SmartleadEmailAccount
{
    /// <summary>The account id, for -EmailAccountId.</summary>
    public long Id { get; internal set; }

    /// <summary>Sender name.</summary>
    public string? FromName { get; internal set; }

    /// <summary>Sender address.</summary>
    public string? FromEmail { get; internal set; }

    /// <summary>GMAIL, OUTLOOK or SMTP, when the answer says.</summary>
    public string? Type { get; internal set; }

    /// <summary>Daily sending cap.</summary>
    public int? MaxEmailPerDay { get; internal set; }

    /// <summary>Emails sent today, when the answer says.</summary>
    public int? DailySentCount { get; internal set; }

    /// <summary>CONNECTED, DISCONNECTED or ERROR (from the docs' SMTP and IMAP checks when the answer has no status).</summary>
    public string? ConnectionStatus { get; internal set; }

    /// <summary>Why the SMTP or IMAP connection failed, when it did.</summary>
    public string? ConnectionError { get; internal set; }

    /// <summary>Whether the account is suspended (sends nothing until resumed).</summary>
    public bool? IsSuspended { get; internal set; }

    /// <summary>Whether warmup is on.</summary>
    public bool? WarmupEnabled { get; internal set; }

    /// <summary>ACTIVE, INACTIVE or PAUSED (docs site), when the answer says.</summary>
    public string? WarmupStatus { get; internal set; }

    /// <summary>Warmup emails per day.</summary>
    public int? WarmupPerDay { get; internal set; }

    /// <summary>Daily increase of the warmup emails.</summary>
    public int? DailyRampup { get; internal set; }

    /// <summary>Warmup reputation, 0 to 100, when the answer says.</summary>
    public double? WarmupReputation { get; internal set; }

    /// <summary>Why warmup is blocked, when it is.</summary>
    public string? WarmupBlockedReason { get; internal set; }

    /// <summary>Campaigns that send from this account, when the answer says.</summary>
    public int? CampaignCount { get; internal set; }

    /// <summary>The agency client it belongs to, if any.</summary>
    public long? ClientId { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{FromEmail} ({Id})";
}

/// <summary>How a mailbox warms up (POST /email-accounts/{id}/warmup); only what is set is sent besides Enabled.</summary>
public sealed class SmartleadWarmupSettings
{
    /// <summary>Whether warmup is on (always sent; the docs site requires it).</summary>
    public bool Enabled { get; set; }

    /// <summary>Warmup emails per day, 1 to 50 (docs site).</summary>
    public int? PerDay { get; set; }

    /// <summary>Daily increase, 5 to 20 (docs site).</summary>
    public int? DailyRampup { get; set; }

    /// <summary>Target reply rate of warmup emails in percent, 20 to 100 (docs site).</summary>
    public int? ReplyRatePercentage { get; set; }

    /// <summary>Checks the settings without sending anything.</summary>
    public void Validate() => ToBody();

    // The API reference's WarmupSettings gives no ranges; the docs site's warmup-settings page does, and they are checked here.
    internal WarmupBody ToBody()
    {
        var rules = SmartleadRules.Instance;
        rules.Range("PerDay", PerDay, 1, 50);
        rules.Range("DailyRampup", DailyRampup, 5, 20);
        rules.Range("ReplyRatePercentage", ReplyRatePercentage, 20, 100);
        return new WarmupBody
        {
            WarmupEnabled = Enabled,
            TotalWarmupPerDay = PerDay,
            DailyRampup = DailyRampup,
            ReplyRatePercentage = ReplyRatePercentage,
        };
    }
}

/// <summary>A mailbox's warmup results (GET /email-accounts/{id}/warmup-stats): totals, reputation and, from the docs' answer, the last days.</summary>
public sealed class SmartleadWarmupStatistic
{
    /// <summary>The email account, for -EmailAccountId.</summary>
    public long EmailAccountId { get; internal set; }

    /// <summary>Warmup emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Warmup emails that reached the inbox (API reference).</summary>
    public long? Inbox { get; internal set; }

    /// <summary>Warmup emails that landed in spam.</summary>
    public long? Spam { get; internal set; }

    /// <summary>Warmup reputation, 0 to 100.</summary>
    public double? Reputation { get; internal set; }

    /// <summary>Days the mailbox has been warming up (API reference).</summary>
    public int? DaysInWarmup { get; internal set; }

    /// <summary>The last days (docs site: the past 7 days).</summary>
    public IReadOnlyList<SmartleadWarmupDay> Daily { get; internal set; } = Array.Empty<SmartleadWarmupDay>();

    /// <inheritdoc />
    public override string ToString() => $"Email account {EmailAccountId}: reputation {Reputation}, {Sent} sent, {Spam} in spam";
}

/// <summary>One day of a mailbox's warmup.</summary>
public sealed class SmartleadWarmupDay
{
    /// <summary>The day.</summary>
    public DateTime Date { get; internal set; }

    /// <summary>Warmup emails sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Delivered.</summary>
    public long? Delivered { get; internal set; }

    /// <summary>In spam.</summary>
    public long? Spam { get; internal set; }

    /// <summary>Opened.</summary>
    public long? Opened { get; internal set; }

    /// <summary>Replied to.</summary>
    public long? Replied { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd}: {Sent} sent, {Spam} in spam";
}
