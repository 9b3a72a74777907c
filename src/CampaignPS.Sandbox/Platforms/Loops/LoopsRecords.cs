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
    DateTimeOffset UpdatedAt);

public sealed record LoopsCampaignGroup(string Id, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal long Sequence { get; init; }
}

public sealed record LoopsAudienceSegment(string Id, string Name, string Description, DateTimeOffset CreatedAt);

public sealed record LoopsMailingList(string Id, string Name, string Description, bool IsPublic);
