namespace CampaignPS.Engine.Outbox;

/// <summary>An Outbox email campaign with its steps, sender identities and counters.</summary>
public sealed class OutboxCampaign
{
    /// <summary>The campaign id (uuid).</summary>
    public Guid Id { get; internal set; }

    /// <summary>The campaign name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>draft, active, paused, completed or cancelled.</summary>
    public string? Status { get; internal set; }

    /// <summary>The company (uuid) the campaign belongs to.</summary>
    public Guid? Company { get; internal set; }

    /// <summary>Description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Sending time zone (IANA).</summary>
    public string? TimeZone { get; internal set; }

    /// <summary>Sending windows, when Outbox returned them in the form CampaignPS sends.</summary>
    public IReadOnlyList<OutboxSendingWindow> AllowedWindows { get; internal set; } = Array.Empty<OutboxSendingWindow>();

    /// <summary>Whether a reply stops the sequence for that contact.</summary>
    public bool? StopOnReply { get; internal set; }

    /// <summary>The sender pool (uuids).</summary>
    public IReadOnlyList<Guid> SenderIdentityIds { get; internal set; } = Array.Empty<Guid>();

    /// <summary>The sender identities as Outbox describes them.</summary>
    public string? SenderIdentities { get; internal set; }

    /// <summary>The campaign's steps.</summary>
    public IReadOnlyList<OutboxCampaignStep> Steps { get; internal set; } = Array.Empty<OutboxCampaignStep>();

    /// <summary>Emails sent (Outbox sends the counters as strings; null when not a number).</summary>
    public long? SentCount { get; internal set; }

    /// <summary>Unique opens.</summary>
    public long? UniqueOpens { get; internal set; }

    /// <summary>Unique clicks.</summary>
    public long? UniqueClicks { get; internal set; }

    /// <summary>Replies.</summary>
    public long? Replies { get; internal set; }

    /// <summary>The workflow (uuid).</summary>
    public Guid? Workflow { get; internal set; }

    /// <summary>The responder agent (uuid).</summary>
    public Guid? ResponderAgent { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Status})";
}

/// <summary>One step (email) of an Outbox campaign.</summary>
public sealed class OutboxCampaignStep
{
    /// <summary>The step id.</summary>
    public Guid? Id { get; internal set; }

    /// <summary>Position, 1 for the first email.</summary>
    public int Order { get; internal set; }

    /// <summary>Subject line.</summary>
    public string? Subject { get; internal set; }

    /// <summary>HTML body.</summary>
    public string? BodyHtml { get; internal set; }

    /// <summary>Plain-text body.</summary>
    public string? BodyText { get; internal set; }

    /// <summary>Minutes to wait after the previous step.</summary>
    public long? DelayMinutes { get; internal set; }

    /// <summary>Whether the step is active.</summary>
    public bool? IsActive { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Order}: {Subject}";
}

/// <summary>An Outbox sender identity (from address).</summary>
public sealed class OutboxSender
{
    /// <summary>The sender id (uuid), for -SenderIdentityId.</summary>
    public Guid Id { get; internal set; }

    /// <summary>The from address.</summary>
    public string FromEmail { get; internal set; } = string.Empty;

    /// <summary>The from name.</summary>
    public string? FromName { get; internal set; }

    /// <summary>The reply-to address.</summary>
    public string? ReplyToEmail { get; internal set; }

    /// <summary>The company (uuid).</summary>
    public Guid? Company { get; internal set; }

    /// <summary>Whether it is the company's default sender.</summary>
    public bool? IsDefault { get; internal set; }

    /// <summary>When the address was verified; null until it is.</summary>
    public DateTimeOffset? VerifiedAt { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{FromEmail} ({Id})";
}
