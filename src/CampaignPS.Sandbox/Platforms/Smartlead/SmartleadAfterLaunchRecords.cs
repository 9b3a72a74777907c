namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Which documented shape the after-launch reads (leads, lookups, sequences, analytics, mailboxes, webhooks) answer in.</summary>
public enum SmartleadReadShape
{
    /// <summary>The API reference's shapes (default): bare lists and objects.</summary>
    Reference,

    /// <summary>The docs site's shapes: {"success" | "ok", "data": ...} envelopes, nested leads, string rates, warmup_details.</summary>
    Docs,
}

/// <summary>Which of the three documented statistics answers GET /campaigns/{id}/statistics sends.</summary>
public enum SmartleadStatisticsShape
{
    /// <summary>One row per sent email, {total_stats, data: [...]} (the docs' statistics page; default, the only shape with the rows its paging pages).</summary>
    Emails,

    /// <summary>One row per sequence step, {ok, data: [{sequence_number, sent, ...}]} (the docs' get-by-id page).</summary>
    Steps,

    /// <summary>The API reference's CampaignStatistics totals object.</summary>
    Totals,
}

/// <summary>What can happen to a sent email, as the control route /campaigns/{id}/events records it.</summary>
public enum SmartleadEmailEvent
{
    Opened,
    Clicked,
    Replied,
    Bounced,
    Unsubscribed,
}

/// <summary>One email the sandbox "sent" (control route /campaigns/{id}/deliver) and what happened to it since.</summary>
public sealed record SmartleadSend(long Id, long CampaignId, long LeadId, string LeadEmail, int SequenceNumber, long EmailAccountId, DateTimeOffset SentAt)
{
    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ClickedAt { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    public bool Bounced { get; init; }

    public bool Unsubscribed { get; init; }
}

/// <summary>A campaign webhook; event types are stored as sent, in whichever documented vocabulary.</summary>
public sealed record SmartleadWebhookRecord(long Id, long CampaignId, string Name, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt);

/// <summary>A seeded lead category (GET /leads/fetch-categories).</summary>
public sealed record SmartleadLeadCategory(long Id, string Name, string Sentiment, string Color);

/// <summary>A mailbox's health: warmup settings and results, suspension and connection.</summary>
public sealed record SmartleadMailboxHealth(
    bool WarmupEnabled,
    int WarmupPerDay,
    int DailyRampup,
    int ReplyRatePercentage,
    double Reputation,
    int DaysInWarmup,
    bool IsSuspended,
    string? SmtpError)
{
    public bool IsConnected => SmtpError is null;
}
