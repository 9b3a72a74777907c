namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Which create/get response the sandbox sends. Older Loops docs return <c>campaignId</c>;
/// newer spec versions return <c>id</c> plus <c>url</c>.</summary>
public enum LoopsCreateShape
{
    Current,
    Legacy,
    Sparse,
}

public static class LoopsCampaignStatus
{
    public const string Draft = "Draft";
    public const string Scheduled = "Scheduled";
    public const string Sending = "Sending";
    public const string Sent = "Sent";

    public static readonly IReadOnlyList<string> All = [Draft, Scheduled, Sending, Sent];
}

/// <summary>Scheduling as last set: method "now" or "schedule" (with its timestamp).</summary>
public sealed record LoopsScheduling(string Method, DateTimeOffset? Timestamp);

/// <summary>A stored campaign. <see cref="AudienceFilterJson"/> holds the filter object as JSON text.</summary>
public sealed record LoopsCampaign(
    string Id,
    string Name,
    string Status,
    string EmailMessageId,
    string? MailingListId,
    string? AudienceSegmentId,
    string? AudienceFilterJson,
    string CampaignGroupId,
    LoopsScheduling? Scheduling,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Creation order, for stable newest-first listing.</summary>
    internal long Sequence { get; init; }
}

public sealed record LoopsEmailMessage(
    string Id,
    string CampaignId,
    string Subject,
    string PreviewText,
    string FromName,
    string FromEmail,
    string ReplyToEmail,
    string Lmx,
    string ContentRevisionId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>styled or plain (1.21.6 EmailMessageResponse.emailFormat).</summary>
    public string EmailFormat { get; init; } = "styled";

    /// <summary>ISO 639-1 code, only present when set.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>Contact property fallbacks, by property name.</summary>
    public IReadOnlyDictionary<string, string> ContactPropertiesFallbacks { get; init; } = new Dictionary<string, string>();
}

public sealed record LoopsCampaignGroup(string Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal long Sequence { get; init; }
}

public sealed record LoopsAudienceSegment(string Id, string Name, string? Description, DateTimeOffset CreatedAt)
{
    /// <summary>The filter as JSON (segments created through the API).</summary>
    public string? FilterJson { get; init; }
}

/// <summary>A campaign's counters. Sends are counted when the campaign sends (the size of its audience);
/// engagement comes from the control route /_sandbox/loops/campaigns/{id}/engagement and never exceeds the sends.</summary>
public sealed record LoopsCampaignMetrics(long Sends, long Opens, long Clicks, long Unsubscribes, long SpamReports, long HardBounces, long SoftBounces);

/// <summary>A preview the sandbox "sent".</summary>
public sealed record LoopsPreview(string EmailMessageId, IReadOnlyList<string> Emails, string? ContactPropertiesJson, DateTimeOffset At);

/// <summary>An upload: created, then its bytes PUT to the pre-signed URL, then completed.</summary>
public sealed record LoopsUploadRecord(string Id, string ContentType, long ContentLength, string Signature, DateTimeOffset CreatedAt)
{
    public byte[]? Content { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The Authorization header the PUT carried (it should carry none: storage is another host).</summary>
    public string? AuthorizationSeen { get; init; }
}

public sealed record LoopsMailingList(string Id, string Name, string Description, bool IsPublic);
