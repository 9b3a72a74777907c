namespace CampaignPS.Engine.Sms;

/// <summary>A Tether SMS campaign with its status, schedule, contact status and statistics.</summary>
public sealed class SmsCampaign
{
    /// <summary>The campaign id (Tether's _id).</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The campaign name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The message text, with merge fields such as {{firstName}}.</summary>
    public string? Message { get; internal set; }

    /// <summary>draft, scheduled, sending, completed, cancelled, ...</summary>
    public string? Status { get; internal set; }

    /// <summary>When a scheduled campaign sends.</summary>
    public DateTimeOffset? ScheduleDate { get; internal set; }

    /// <summary>The status its contacts are given, e.g. "New Lead".</summary>
    public string? ContactStatus { get; internal set; }

    /// <summary>The process (pipeline) id.</summary>
    public string? Process { get; internal set; }

    /// <summary>Whether the AI autopilot answers replies.</summary>
    public bool? IsAutopilot { get; internal set; }

    /// <summary>The channel, "sms".</summary>
    public string? Type { get; internal set; }

    /// <summary>Who created it.</summary>
    public string? CreatedBy { get; internal set; }

    /// <summary>Messages in the campaign.</summary>
    public long? Total { get; internal set; }

    /// <summary>Messages sent.</summary>
    public long? Sent { get; internal set; }

    /// <summary>Messages that failed.</summary>
    public long? Failed { get; internal set; }

    /// <summary>Share sent successfully, as Tether reports it (e.g. "66.7%").</summary>
    public string? SuccessRate { get; internal set; }

    /// <summary>Why individual messages failed.</summary>
    public IReadOnlyList<SmsFailure> FailedDetails { get; internal set; } = Array.Empty<SmsFailure>();

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>
    /// The campaign object's userIds. The sandbox (and the send's failedUserIds) treat them as the recipients' contact ids;
    /// the docs' example shows one id for 250 messages, so Test-SmsCampaign checks only the ids GET /api/contacts knows.
    /// </summary>
    public IReadOnlyList<string> UserIds { get; internal set; } = Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Status})";
}

/// <summary>One message that could not be sent.</summary>
public sealed class SmsFailure
{
    /// <summary>The recipient.</summary>
    public string? PhoneNumber { get; internal set; }

    /// <summary>The reason Tether gave.</summary>
    public string? Error { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{PhoneNumber}: {Error}";
}

/// <summary>How Tether classifies contacts before a campaign (validate-contacts).</summary>
public sealed class SmsContactValidation
{
    /// <summary>Not known yet: will be created.</summary>
    public IReadOnlyList<SmsContact> NewContacts { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Already known.</summary>
    public IReadOnlyList<SmsContact> ExistingContacts { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Owned by other users.</summary>
    public IReadOnlyList<SmsContact> AssignedToOtherUsers { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Messaged by us before.</summary>
    public IReadOnlyList<SmsContact> AlreadyMessagedOutbound { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Who messaged us before.</summary>
    public IReadOnlyList<SmsContact> AlreadyMessagedInbound { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Assigned to you but owned by someone else.</summary>
    public IReadOnlyList<SmsContact> AssignedToYouNotOwned { get; internal set; } = Array.Empty<SmsContact>();

    /// <summary>Inside the organisation's contact protection period.</summary>
    public IReadOnlyList<SmsContact> ProtectedContacts { get; internal set; } = Array.Empty<SmsContact>();

    /// <inheritdoc />
    public override string ToString() =>
        $"{NewContacts.Count} new, {ExistingContacts.Count} existing, {ProtectedContacts.Count} protected, {AssignedToOtherUsers.Count} assigned to others";
}

/// <summary>One day's part of an auto-segmented campaign: when it sends and to how many contacts.</summary>
public sealed class SmsCampaignSegment
{
    /// <summary>The segment id Tether gives it (seg-1, seg-2, ...).</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>When the segment sends.</summary>
    public DateTimeOffset? ScheduledDate { get; internal set; }

    /// <summary>How many contacts it sends to.</summary>
    public int ContactCount { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {ContactCount} at {ScheduledDate:u}";
}

/// <summary>Tether's auto-segmented schedule for a number of contacts (POST /api/campaigns/auto-segment).</summary>
public sealed class SmsAutoSegmentPlan
{
    /// <summary>The segments, in sending order.</summary>
    public IReadOnlyList<SmsCampaignSegment> Segments { get; internal set; } = Array.Empty<SmsCampaignSegment>();

    /// <summary>How many segments the contacts make.</summary>
    public int TotalSegments { get; internal set; }

    /// <summary>What Tether warns about (a first segment in the past, a clock change).</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();
}
