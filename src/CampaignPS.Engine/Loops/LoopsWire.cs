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
        Warnings = (Warnings ?? new List<WarningDto>()).Select(w => string.IsNullOrEmpty(w.Path) ? w.Message ?? string.Empty : $"{w.Path}: {w.Message}").ToList(),
    };
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
