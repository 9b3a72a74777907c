using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Loops;

// Wire shapes. Writers follow the Loops API reference 1.22.2 (tools manifest of the official
// openapi.json); readers also accept the 1.8.0 spec and older docs, where the campaign id is
// `campaignId` instead of `id` and there is no `url`.

internal sealed class SchedulingBody
{
    public string? Method { get; set; }

    public string? Timestamp { get; set; }
}

internal sealed class CampaignBody
{
    public string? Name { get; set; }

    public string? MailingListId { get; set; }

    public string? AudienceSegmentId { get; set; }

    public JsonElement? AudienceFilter { get; set; }

    public string? CampaignGroupId { get; set; }

    public SchedulingBody? Scheduling { get; set; }

    // Fields sent as JSON null: the API reference 1.21.6 (UpdateCampaignRequest) types mailingListId and
    // audienceSegmentId as string | null, and null clears them. The serializer leaves null properties out,
    // so a clear travels here, where a null value is written as null.
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, object?>? Cleared { get; set; }
}

internal sealed class EmailMessageBody
{
    public string? ExpectedRevisionId { get; set; }

    public string? Subject { get; set; }

    public string? PreviewText { get; set; }

    public string? FromName { get; set; }

    public string? FromEmail { get; set; }

    public string? ReplyToEmail { get; set; }

    public string? Lmx { get; set; }

    public string? EmailFormat { get; set; }

    public string? LanguageCode { get; set; }

    // Per-key merge (1.22.2 manifest, email-messages_update): a string sets the fallback, null deletes it.
    public Dictionary<string, string?>? ContactPropertiesFallbacks { get; set; }
}

internal sealed class CampaignGroupBody
{
    public string? Name { get; set; }

    public string? Description { get; set; }
}

internal sealed class CampaignDto
{
    public string? Id { get; set; }

    public string? CampaignId { get; set; }

    public string? Url { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? EmailMessageId { get; set; }

    public string? EmailMessageContentRevisionId { get; set; }

    public string? MailingListId { get; set; }

    public string? AudienceSegmentId { get; set; }

    public JsonElement? AudienceFilter { get; set; }

    public string? CampaignGroupId { get; set; }

    public SchedulingBody? Scheduling { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public LoopsCampaign ToModel() => new LoopsCampaign
    {
        Id = Id ?? CampaignId ?? string.Empty,
        Url = Url,
        Name = Name ?? string.Empty,
        Status = Status ?? string.Empty,
        EmailMessageId = EmailMessageId,
        EmailMessageContentRevisionId = EmailMessageContentRevisionId,
        MailingListId = MailingListId,
        AudienceSegmentId = AudienceSegmentId,
        AudienceFilter = WireText.Json(AudienceFilter),
        CampaignGroupId = CampaignGroupId,
        SchedulingMethod = Scheduling?.Method,
        ScheduledAt = WireText.Date(Scheduling?.Timestamp),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}

internal sealed class EmailMessageDto
{
    public string? EmailMessageId { get; set; }

    public string? Id { get; set; }

    public string? CampaignId { get; set; }

    public string? Subject { get; set; }

    public string? PreviewText { get; set; }

    public string? FromName { get; set; }

    public string? FromEmail { get; set; }

    public string? ReplyToEmail { get; set; }

    public string? CcEmail { get; set; }

    public string? BccEmail { get; set; }

    public string? LanguageCode { get; set; }

    public string? EmailFormat { get; set; }

    public string? TransactionalId { get; set; }

    public string? Lmx { get; set; }

    public string? ContentRevisionId { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public Dictionary<string, string?>? ContactPropertiesFallbacks { get; set; }

    public Dictionary<string, string?>? EventPropertiesFallbacks { get; set; }

    public Dictionary<string, string?>? DataVariablesFallbacks { get; set; }

    public List<WarningDto>? Warnings { get; set; }

    public LoopsEmailMessage ToModel() => new LoopsEmailMessage
    {
        EmailMessageId = EmailMessageId ?? Id ?? string.Empty,
        CampaignId = CampaignId,
        Subject = Subject,
        PreviewText = PreviewText,
        FromName = FromName,
        FromEmail = FromEmail,
        ReplyToEmail = ReplyToEmail,
        CcEmail = CcEmail,
        BccEmail = BccEmail,
        LanguageCode = LanguageCode,
        EmailFormat = EmailFormat,
        TransactionalId = TransactionalId,
        Lmx = Lmx,
        ContentRevisionId = ContentRevisionId,
        UpdatedAt = UpdatedAt,
        ContactPropertiesFallbacks = Fallbacks(ContactPropertiesFallbacks),
        EventPropertiesFallbacks = Fallbacks(EventPropertiesFallbacks),
        DataVariablesFallbacks = Fallbacks(DataVariablesFallbacks),
        Warnings = (Warnings ?? new List<WarningDto>()).Select(w => string.IsNullOrEmpty(w.Path) ? w.Message ?? string.Empty : $"{w.Path}: {w.Message}").ToList(),
    };

    private static IReadOnlyDictionary<string, string> Fallbacks(Dictionary<string, string?>? map) =>
        (map ?? new Dictionary<string, string?>()).Where(p => p.Value != null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
}

internal sealed class WarningDto
{
    public string? Rule { get; set; }

    public string? Message { get; set; }

    public string? Path { get; set; }
}

internal sealed class MailingListDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsPublic { get; set; }

    public LoopsMailingList ToModel() => new LoopsMailingList { Id = Id ?? string.Empty, Name = Name ?? string.Empty, Description = Description, IsPublic = IsPublic };
}

internal sealed class AudienceSegmentDto
{
    public string? Id { get; set; }

    public string? AudienceSegmentId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Filter { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public LoopsAudienceSegment ToModel() => new LoopsAudienceSegment
    {
        Id = Id ?? AudienceSegmentId ?? string.Empty,
        Name = Name ?? string.Empty,
        Description = Description,
        Filter = WireText.Json(Filter),
        CreatedAt = CreatedAt,
    };
}

internal sealed class CampaignGroupDto
{
    public string? Id { get; set; }

    public string? CampaignGroupId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public LoopsCampaignGroup ToModel() => new LoopsCampaignGroup
    {
        Id = Id ?? CampaignGroupId ?? string.Empty,
        Name = Name ?? string.Empty,
        Description = Description,
        CreatedAt = CreatedAt,
    };
}

internal sealed class ApiKeyDto
{
    public string? TeamName { get; set; }
}

internal sealed class PageDto<T>
{
    public PaginationDto? Pagination { get; set; }

    public List<T>? Data { get; set; }

    public CursorPage<TModel> ToPage<TModel>(Func<T, TModel> map) =>
        new CursorPage<TModel>((Data ?? new List<T>()).Select(map).ToList(), Pagination?.NextCursor);
}

internal sealed class PaginationDto
{
    public string? NextCursor { get; set; }
}

/// <summary>What a Loops answer must carry to count as a success.</summary>
internal static class LoopsAnswers
{
    public static string? CampaignId(CampaignDto dto) => string.IsNullOrEmpty(dto.Id ?? dto.CampaignId) ? "the campaign's id (id or campaignId)" : null;

    public static string? GroupId(CampaignGroupDto dto) => string.IsNullOrEmpty(dto.Id ?? dto.CampaignGroupId) ? "the campaign group's id" : null;

    public static string? Revision(EmailMessageDto dto) => string.IsNullOrEmpty(dto.EmailMessageId ?? dto.Id) ? "the email message's id" : null;
}

// Metrics: GET /v1/campaigns/{campaignId}/metrics returns EmailMetricsResponse (1.22.2 tools manifest,
// campaigns_metrics_get-campaign; the manifest names no fields). The fields follow a client generated from
// the official spec: sends, opens, clicks, unsubscribes, spamReports, hardBounces, softBounces. The reader
// also takes them wrapped in "metrics" or "data", and a single "bounces" where the split is missing.
internal sealed class MetricsDto
{
    public long? Sends { get; set; }

    public long? Opens { get; set; }

    public long? Clicks { get; set; }

    public long? Unsubscribes { get; set; }

    public long? SpamReports { get; set; }

    public long? HardBounces { get; set; }

    public long? SoftBounces { get; set; }

    public long? Bounces { get; set; }

    public MetricsDto? Metrics { get; set; }

    public MetricsDto? Data { get; set; }

    public MetricsDto Inner => Metrics ?? Data ?? this;

    public bool HasCounters => Sends.HasValue || Opens.HasValue || Clicks.HasValue;

    public LoopsCampaignMetric ToModel(string campaignId)
    {
        MetricsDto m = Inner;
        long hard = m.HardBounces ?? 0;
        long soft = m.SoftBounces ?? 0;
        return new LoopsCampaignMetric
        {
            CampaignId = campaignId,
            Sends = m.Sends ?? 0,
            Opens = m.Opens ?? 0,
            Clicks = m.Clicks ?? 0,
            Unsubscribes = m.Unsubscribes ?? 0,
            SpamReports = m.SpamReports ?? 0,
            HardBounces = hard,
            SoftBounces = soft,
            Bounces = m.HardBounces.HasValue || m.SoftBounces.HasValue ? hard + soft : m.Bounces ?? 0,
        };
    }
}

// Guardian: EmailMessageGuardianResponse {errors: GuardianRule[], warnings: GuardianRule[]} (1.21.6).
internal sealed class GuardianDto
{
    public List<GuardianRuleDto>? Errors { get; set; }

    public List<GuardianRuleDto>? Warnings { get; set; }

    public LoopsGuardianReport ToModel(string emailMessageId) => new LoopsGuardianReport
    {
        EmailMessageId = emailMessageId,
        Errors = (Errors ?? new List<GuardianRuleDto>()).Select(r => r.ToModel(emailMessageId, LoopsGuardianSeverity.Error)).ToList(),
        Warnings = (Warnings ?? new List<GuardianRuleDto>()).Select(r => r.ToModel(emailMessageId, LoopsGuardianSeverity.Warning)).ToList(),
    };
}

internal sealed class GuardianRuleDto
{
    public string? Rule { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<GuardianItemDto>? Items { get; set; }

    public LoopsGuardianFinding ToModel(string emailMessageId, LoopsGuardianSeverity severity) => new LoopsGuardianFinding
    {
        EmailMessageId = emailMessageId,
        Severity = severity,
        Rule = Rule ?? string.Empty,
        Title = Title ?? string.Empty,
        Description = Description,
        Items = (Items ?? new List<GuardianItemDto>()).Select(i => string.IsNullOrEmpty(i.CodeName) || i.CodeName == i.Label ? i.Label ?? string.Empty : $"{i.Label} ({i.CodeName})").ToList(),
    };
}

internal sealed class GuardianItemDto
{
    public string? Label { get; set; }

    public string? CodeName { get; set; }
}

// Preview: EmailMessagePreviewRequest {emails (min 1), contactProperties?} -> EmailMessagePreviewResponse {id} (1.21.6).
internal sealed class PreviewBody
{
    public List<string> Emails { get; set; } = new List<string>();

    public Dictionary<string, string>? ContactProperties { get; set; }
}

internal sealed class PreviewDto
{
    public string? Id { get; set; }

    public string? EmailMessageId { get; set; }
}

// Uploads (1.21.6): CreateUploadRequest {contentType, contentLength} -> {emailAssetId, presignedUrl};
// PUT the bytes to presignedUrl; POST /uploads/{emailAssetId}/complete -> {emailAssetId, finalUrl}.
internal sealed class UploadBody
{
    public string? ContentType { get; set; }

    public long ContentLength { get; set; }
}

internal sealed class UploadDto
{
    public string? EmailAssetId { get; set; }

    public string? PresignedUrl { get; set; }

    public string? FinalUrl { get; set; }
}

// Audience segment create (1.21.6 CreateAudienceSegmentRequest): name, description?, filter {match, conditions}.
internal sealed class AudienceSegmentBody
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Filter { get; set; }
}

/// <summary>What a Loops answer must carry to count as a success (the newer calls).</summary>
internal static class LoopsContentAnswers
{
    public static string? Metrics(MetricsDto dto) => dto.Inner.HasCounters ? null : "the campaign's counters (sends, opens, clicks)";

    public static string? Guardian(GuardianDto dto) => dto.Errors == null || dto.Warnings == null ? "the Guardian errors and warnings" : null;

    public static string? Preview(PreviewDto dto) => string.IsNullOrEmpty(dto.Id ?? dto.EmailMessageId) ? "the email message's id" : null;

    public static string? UploadCreated(UploadDto dto) => string.IsNullOrEmpty(dto.EmailAssetId) || string.IsNullOrEmpty(dto.PresignedUrl) ? "the upload's emailAssetId and presignedUrl" : null;

    public static string? UploadCompleted(UploadDto dto) => string.IsNullOrEmpty(dto.FinalUrl) ? "the uploaded image's finalUrl" : null;

    public static string? SegmentId(AudienceSegmentDto dto) => string.IsNullOrEmpty(dto.Id ?? dto.AudienceSegmentId) ? "the audience segment's id" : null;
}
