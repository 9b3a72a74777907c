namespace CampaignPS.Engine.Loops;

/// <summary>A Loops campaign. Pipes into Set-LoopsCampaign (by Id) and Set-LoopsEmailMessage (by EmailMessageId and EmailMessageContentRevisionId).</summary>
public sealed class LoopsCampaign
{
    /// <summary>The campaign id (the API calls it <c>id</c> in newer versions, <c>campaignId</c> in older ones).</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The campaign name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>Draft, Scheduled, Sending or Sent.</summary>
    public string Status { get; internal set; } = string.Empty;

    /// <summary>The id of the campaign's email message.</summary>
    public string? EmailMessageId { get; internal set; }

    /// <summary>The email message's content revision when the campaign was created; pass it as -ExpectedRevisionId on the first update.</summary>
    public string? EmailMessageContentRevisionId { get; internal set; }

    /// <summary>The mailing list the campaign sends to.</summary>
    public string? MailingListId { get; internal set; }

    /// <summary>The audience segment the campaign sends to.</summary>
    public string? AudienceSegmentId { get; internal set; }

    /// <summary>The audience filter, as JSON.</summary>
    public string? AudienceFilter { get; internal set; }

    /// <summary>The campaign group.</summary>
    public string? CampaignGroupId { get; internal set; }

    /// <summary><c>now</c> or <c>schedule</c> once sending was requested.</summary>
    public string? SchedulingMethod { get; internal set; }

    /// <summary>When a scheduled campaign sends.</summary>
    public DateTimeOffset? ScheduledAt { get; internal set; }

    /// <summary>The campaign's page in the Loops app (newer API versions).</summary>
    public string? Url { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Status})";

    // What the create answer leaves out is what was sent (DESIGN.md rule 10): a create answer may omit the
    // audience and group it applied.
    internal LoopsCampaign FilledFrom(CampaignBody sent)
    {
        Name = string.IsNullOrEmpty(Name) ? sent.Name ?? string.Empty : Name;
        MailingListId ??= sent.MailingListId;
        AudienceSegmentId ??= sent.AudienceSegmentId;
        AudienceFilter ??= WireText.Json(sent.AudienceFilter);
        CampaignGroupId ??= sent.CampaignGroupId;
        return this;
    }
}

/// <summary>The email message of a Loops campaign. Its ContentRevisionId is what the next update must name.</summary>
public sealed class LoopsEmailMessage
{
    /// <summary>The email message id.</summary>
    public string EmailMessageId { get; internal set; } = string.Empty;

    /// <summary>The campaign it belongs to.</summary>
    public string? CampaignId { get; internal set; }

    /// <summary>Subject line.</summary>
    public string? Subject { get; internal set; }

    /// <summary>Preview text.</summary>
    public string? PreviewText { get; internal set; }

    /// <summary>Sender name.</summary>
    public string? FromName { get; internal set; }

    /// <summary>Sender user name; Loops appends the team's sending domain.</summary>
    public string? FromEmail { get; internal set; }

    /// <summary>Reply-to address.</summary>
    public string? ReplyToEmail { get; internal set; }

    /// <summary>CC address (teams with CC/BCC enabled).</summary>
    public string? CcEmail { get; internal set; }

    /// <summary>BCC address (teams with CC/BCC enabled).</summary>
    public string? BccEmail { get; internal set; }

    /// <summary>ISO 639-1 language of the email, e.g. en.</summary>
    public string? LanguageCode { get; internal set; }

    /// <summary>How the email is rendered: styled or plain.</summary>
    public string? EmailFormat { get; internal set; }

    /// <summary>The transactional email it belongs to, for messages that are not a campaign's.</summary>
    public string? TransactionalId { get; internal set; }

    /// <summary>The body as LMX.</summary>
    public string? Lmx { get; internal set; }

    /// <summary>The current content revision: pass it as -ExpectedRevisionId on the next update.</summary>
    public string? ContentRevisionId { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <summary>Fallback values for contact properties ({firstName} when a contact has none), by property name.</summary>
    public IReadOnlyDictionary<string, string> ContactPropertiesFallbacks { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Fallback values for event properties (workflow emails), by property name.</summary>
    public IReadOnlyDictionary<string, string> EventPropertiesFallbacks { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Fallback values for data variables (transactional emails), by variable name.</summary>
    public IReadOnlyDictionary<string, string> DataVariablesFallbacks { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Non-fatal LMX compile warnings from the last update.</summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString() => $"{Subject} ({EmailMessageId}, revision {ContentRevisionId})";
}

/// <summary>A Loops mailing list.</summary>
public sealed class LoopsMailingList
{
    /// <summary>The list id, for -MailingListId.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The list name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The list description.</summary>
    public string? Description { get; internal set; }

    /// <summary>Whether contacts can subscribe themselves.</summary>
    public bool IsPublic { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>A Loops audience segment.</summary>
public sealed class LoopsAudienceSegment
{
    /// <summary>The segment id, for -AudienceSegmentId.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The segment name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The segment description.</summary>
    public string? Description { get; internal set; }

    /// <summary>The segment's filter, as JSON.</summary>
    public string? Filter { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>A Loops campaign group.</summary>
public sealed class LoopsCampaignGroup
{
    /// <summary>The group id, for -CampaignGroupId.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The group name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>The group description.</summary>
    public string? Description { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>What the API key test returns.</summary>
public sealed class LoopsApiKeyInfo
{
    /// <summary>The team the key belongs to.</summary>
    public string? TeamName { get; internal set; }
}

/// <summary>
/// A Loops campaign's all-time engagement counters (GET /campaigns/{id}/metrics). Opens and clicks count
/// sends, not events: a send opened five times counts once.
/// </summary>
public sealed class LoopsCampaignMetric
{
    /// <summary>The campaign the counters belong to.</summary>
    public string CampaignId { get; internal set; } = string.Empty;

    /// <summary>Emails sent.</summary>
    public long Sends { get; internal set; }

    /// <summary>Sends opened at least once.</summary>
    public long Opens { get; internal set; }

    /// <summary>Sends with at least one link clicked.</summary>
    public long Clicks { get; internal set; }

    /// <summary>Unsubscribes.</summary>
    public long Unsubscribes { get; internal set; }

    /// <summary>Sends reported as spam.</summary>
    public long SpamReports { get; internal set; }

    /// <summary>Sends that hard bounced.</summary>
    public long HardBounces { get; internal set; }

    /// <summary>Sends that soft bounced.</summary>
    public long SoftBounces { get; internal set; }

    /// <summary>Hard and soft bounces together.</summary>
    public long Bounces { get; internal set; }

    /// <summary>Opens per send, 0 to 1 (0 before anything was sent).</summary>
    public double OpenRate => Sends == 0 ? 0 : (double)Opens / Sends;

    /// <summary>Clicks per send, 0 to 1.</summary>
    public double ClickRate => Sends == 0 ? 0 : (double)Clicks / Sends;

    /// <summary>Bounces per send, 0 to 1.</summary>
    public double BounceRate => Sends == 0 ? 0 : (double)Bounces / Sends;

    /// <inheritdoc />
    public override string ToString() => $"{CampaignId}: {Sends} sent, {Opens} opened, {Clicks} clicked";
}

/// <summary>Whether a Guardian finding blocks publishing (Error) or is advice (Warning).</summary>
public enum LoopsGuardianSeverity
{
    /// <summary>Must be fixed before the email can be published or sent.</summary>
    Error,

    /// <summary>Advisory; does not block publishing.</summary>
    Warning,
}

/// <summary>One Guardian rule that fired on an email message, with the elements that triggered it.</summary>
public sealed class LoopsGuardianFinding
{
    /// <summary>The email message checked.</summary>
    public string EmailMessageId { get; internal set; } = string.Empty;

    /// <summary>Error (blocks publishing) or Warning.</summary>
    public LoopsGuardianSeverity Severity { get; internal set; }

    /// <summary>The rule's identifier, e.g. missingButtonHrefs.</summary>
    public string Rule { get; internal set; } = string.Empty;

    /// <summary>A short summary of the rule.</summary>
    public string Title { get; internal set; } = string.Empty;

    /// <summary>Why the issue matters.</summary>
    public string? Description { get; internal set; }

    /// <summary>The elements that triggered it: the label, and the property's code name in parentheses when it differs.</summary>
    public IReadOnlyList<string> Items { get; internal set; } = Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString() => $"{Severity} {Rule}: {Title}" + (Items.Count == 0 ? string.Empty : " (" + string.Join(", ", Items) + ")");
}

/// <summary>What Guardian says about one email message: errors block publishing, warnings are advice.</summary>
public sealed class LoopsGuardianReport
{
    /// <summary>The email message checked.</summary>
    public string EmailMessageId { get; internal set; } = string.Empty;

    /// <summary>Findings that must be fixed before the email can be published.</summary>
    public IReadOnlyList<LoopsGuardianFinding> Errors { get; internal set; } = Array.Empty<LoopsGuardianFinding>();

    /// <summary>Advisory findings.</summary>
    public IReadOnlyList<LoopsGuardianFinding> Warnings { get; internal set; } = Array.Empty<LoopsGuardianFinding>();

    /// <summary>Errors first, then warnings.</summary>
    public IReadOnlyList<LoopsGuardianFinding> Findings => Errors.Concat(Warnings).ToList();

    /// <summary>True when nothing blocks publishing (warnings allowed).</summary>
    public bool Passed => Errors.Count == 0;
}

/// <summary>A preview (test send) of an email message that Loops accepted.</summary>
public sealed class LoopsEmailPreviewResult
{
    /// <summary>The email message previewed.</summary>
    public string EmailMessageId { get; internal set; } = string.Empty;

    /// <summary>The addresses the preview was sent to.</summary>
    public IReadOnlyList<string> Emails { get; internal set; } = Array.Empty<string>();

    /// <summary>The contact property values it was rendered with.</summary>
    public IReadOnlyDictionary<string, string> ContactProperties { get; internal set; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public override string ToString() => $"{EmailMessageId} -> {string.Join(", ", Emails)}";
}

/// <summary>An image uploaded to Loops (an email asset), for use in LMX by its FinalUrl.</summary>
public sealed class LoopsUpload
{
    /// <summary>The asset id.</summary>
    public string EmailAssetId { get; internal set; } = string.Empty;

    /// <summary>The public URL of the image; use it in LMX.</summary>
    public string FinalUrl { get; internal set; } = string.Empty;

    /// <summary>The local file's name (or the name given).</summary>
    public string? FileName { get; internal set; }

    /// <summary>The MIME type sent.</summary>
    public string ContentType { get; internal set; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    public long ContentLength { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => FinalUrl;
}

/// <summary>An LMX body whose local images were uploaded: the rewritten LMX and the uploads.</summary>
public sealed class LoopsLmxUploadResult
{
    /// <summary>The LMX with each local image's <c>src</c> replaced by its uploaded URL.</summary>
    public string Lmx { get; internal set; } = string.Empty;

    /// <summary>The images uploaded, in order.</summary>
    public IReadOnlyList<LoopsUpload> Uploads { get; internal set; } = Array.Empty<LoopsUpload>();
}
