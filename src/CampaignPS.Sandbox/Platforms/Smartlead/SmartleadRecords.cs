namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Which documented error body the sandbox sends (DESIGN.md: "parse both").</summary>
public enum SmartleadErrorShape
{
    /// <summary>The error-handling guide's envelope (default): <c>{"error": {"code", "message"}}</c>,
    /// plus <c>error.retry_after</c> on 429 (rate-limits file).</summary>
    Nested,

    /// <summary><c>{"message": "..."}</c>: the OpenAPI's UnauthorizedError / RateLimitError shape.</summary>
    Flat,

    /// <summary><c>{"error": "..."}</c>: the OpenAPI's BadRequest / NotFound / ValidationError shape.</summary>
    FlatError,
}

/// <summary>Which documented add-leads response the sandbox sends.</summary>
public enum SmartleadLeadsResponseShape
{
    /// <summary>The OpenAPI (default): <c>{ok, inserted_count, duplicate_count, blocked_count, invalid_count}</c>.</summary>
    Spec,

    /// <summary>The docs: <c>{success, added_count, skipped_count, skipped_leads: [{email, reason}]}</c>.</summary>
    Docs,
}

/// <summary>Campaign statuses as the OpenAPI's Campaign schema lists them.</summary>
public static class SmartleadCampaignStatus
{
    public const string Drafted = "DRAFTED";
    public const string Active = "ACTIVE";
    public const string Paused = "PAUSED";
    public const string Stopped = "STOPPED";
    public const string Archived = "ARCHIVED";

    public static readonly IReadOnlyList<string> All = [Drafted, Active, Paused, Stopped, Archived];
}

/// <summary>Why a lead was not inserted (the <c>reason</c> of a docs-shape <c>skipped_leads</c> entry).</summary>
public static class SmartleadSkipReason
{
    public const string InvalidEmail = "invalid_email";
    public const string Duplicate = "duplicate";
    public const string DuplicateInOtherCampaign = "duplicate_in_other_campaign";
    public const string Blocked = "blocked";
    public const string Unsubscribed = "unsubscribed";
}

/// <summary>A seeded sender mailbox (the spec's EmailAccount).</summary>
public sealed record SmartleadEmailAccount(long Id, string FromName, string FromEmail, int MaxEmailPerDay);

public sealed record SmartleadSequenceVariant(long Id, string Subject, string EmailBody, string? Label, int? DistributionPercentage);

/// <summary>One step of a campaign's sequence (the spec's EmailSequence).</summary>
public sealed record SmartleadSequence(
    long Id,
    int SeqNumber,
    string Subject,
    string EmailBody,
    int DelayInDays,
    IReadOnlyList<SmartleadSequenceVariant> Variants);

/// <summary>The sending schedule, whichever documented body shape set it.</summary>
public sealed record SmartleadSchedule(
    string Timezone,
    IReadOnlyList<int> Days,
    string StartHour,
    string EndHour,
    int? MinTimeBetweenEmails,
    int? MaxNewLeadsPerDay,
    DateTimeOffset? ScheduleStartTime);

/// <summary>Campaign settings as last set; enum values are kept in the vocabulary the caller used.</summary>
public sealed record SmartleadSettings(
    IReadOnlyList<string>? TrackSettings,
    string? StopLeadSettings,
    string? UnsubscribeText,
    bool? SendAsPlainText,
    int? FollowUpPercentage,
    int? MaxLeadsPerDay,
    bool? EnableAiEspMatching,
    bool? IgnoreUnsubscribe)
{
    public static readonly SmartleadSettings Empty = new(null, null, null, null, null, null, null, null);
}

/// <summary>A snapshot of a stored campaign.</summary>
public sealed record SmartleadCampaign(
    long Id,
    string Name,
    string Status,
    long? ClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SmartleadSequence> Sequences,
    IReadOnlyList<long> EmailAccountIds,
    SmartleadSchedule? Schedule,
    SmartleadSettings Settings)
{
    /// <summary>Leads stored in the campaign when the snapshot was taken.</summary>
    public int LeadCount { get; init; }

    /// <summary>Add-leads requests the campaign has applied (each 200 from POST .../leads).</summary>
    public int LeadPostCount { get; init; }
}

/// <summary>A lead stored in one campaign. <see cref="CustomFieldsJson"/> is the custom_fields object as sent.</summary>
public sealed record SmartleadLead(
    long Id,
    long CampaignId,
    string Email,
    string? FirstName,
    string? LastName,
    string? CompanyName,
    string? PhoneNumber,
    string? Website,
    string? Location,
    string? LinkedinProfile,
    string? CompanyUrl,
    string? CustomFieldsJson,
    string Status,
    DateTimeOffset CreatedAt);

/// <summary>What one add-leads request did.</summary>
public sealed record SmartleadLeadImportResult(
    int InsertedCount,
    int DuplicateCount,
    int BlockedCount,
    int InvalidCount,
    IReadOnlyList<SmartleadSkippedLead> Skipped);

public sealed record SmartleadSkippedLead(string Email, string Reason);
