using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Outbox;

// Wire shapes, from the request and response samples of Outbox's API reference pages
// (email-campaign-create, email-sender-create, contact-create). Only those three endpoints are documented.

internal sealed class CampaignBody
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("company")]
    public Guid Company { get; set; }

    [JsonPropertyName("sender_identity_ids")]
    public IReadOnlyList<Guid> SenderIdentityIds { get; set; } = Array.Empty<Guid>();

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    [JsonPropertyName("allowed_windows")]
    public IReadOnlyList<WindowBody>? AllowedWindows { get; set; }

    [JsonPropertyName("stop_on_reply")]
    public bool? StopOnReply { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("workflow")]
    public Guid? Workflow { get; set; }

    [JsonPropertyName("responder_agent")]
    public Guid? ResponderAgent { get; set; }
}

internal sealed class WindowBody
{
    [JsonPropertyName("day")]
    public string Day { get; set; } = string.Empty;

    [JsonPropertyName("start")]
    public string Start { get; set; } = string.Empty;

    [JsonPropertyName("end")]
    public string End { get; set; } = string.Empty;
}

internal sealed class SenderBody
{
    [JsonPropertyName("from_email")]
    public string FromEmail { get; set; } = string.Empty;

    [JsonPropertyName("company")]
    public Guid Company { get; set; }

    [JsonPropertyName("from_name")]
    public string? FromName { get; set; }

    [JsonPropertyName("reply_to_email")]
    public string? ReplyToEmail { get; set; }

    [JsonPropertyName("use_default_reply_to")]
    public bool? UseDefaultReplyTo { get; set; }

    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; set; }
}

internal sealed class ContactBody
{
    [JsonPropertyName("full_name")]
    public string? FullName { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    [JsonPropertyName("business_name")]
    public string? BusinessName { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; set; }

    [JsonPropertyName("is_dnd")]
    public bool? IsDnd { get; set; }

    [JsonPropertyName("lead_source")]
    public string? LeadSource { get; set; }

    [JsonPropertyName("custom_fields")]
    public IReadOnlyDictionary<string, string>? CustomFields { get; set; }
}

internal sealed class CampaignDto
{
    [JsonPropertyName("id")]
    public Guid Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("company")]
    public Guid? Company { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    [JsonPropertyName("allowed_windows")]
    public JsonElement? AllowedWindows { get; set; }

    [JsonPropertyName("stop_on_reply")]
    public bool? StopOnReply { get; set; }

    [JsonPropertyName("sender_identity_ids")]
    public List<Guid>? SenderIdentityIds { get; set; }

    [JsonPropertyName("sender_identities")]
    public JsonElement? SenderIdentities { get; set; }

    [JsonPropertyName("steps")]
    public List<StepDto>? Steps { get; set; }

    [JsonPropertyName("sent_count")]
    public JsonElement? SentCount { get; set; }

    [JsonPropertyName("unique_opens")]
    public JsonElement? UniqueOpens { get; set; }

    [JsonPropertyName("unique_clicks")]
    public JsonElement? UniqueClicks { get; set; }

    [JsonPropertyName("replies")]
    public JsonElement? Replies { get; set; }

    [JsonPropertyName("workflow")]
    public Guid? Workflow { get; set; }

    [JsonPropertyName("responder_agent")]
    public Guid? ResponderAgent { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    public OutboxCampaign ToModel() => new OutboxCampaign
    {
        Id = Id,
        Name = Name ?? string.Empty,
        Status = Status,
        Company = Company,
        Description = Description,
        TimeZone = Timezone,
        AllowedWindows = ReadWindows(AllowedWindows),
        StopOnReply = StopOnReply,
        SenderIdentityIds = SenderIdentityIds ?? new List<Guid>(),
        SenderIdentities = SenderIdentities is { ValueKind: JsonValueKind.String } text ? text.GetString()
            : SenderIdentities is { ValueKind: JsonValueKind.Array or JsonValueKind.Object } json ? json.GetRawText() : null,
        Steps = (Steps ?? new List<StepDto>()).OrderBy(s => s.StepOrder).Select(s => s.ToModel()).ToList(),
        SentCount = Count(SentCount),
        UniqueOpens = Count(UniqueOpens),
        UniqueClicks = Count(UniqueClicks),
        Replies = Count(Replies),
        Workflow = Workflow,
        ResponderAgent = ResponderAgent,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    // The reference's sample sends the counters as strings ("<string>"); numbers in either form are read, anything else is null.
    private static long? Count(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out long n) => n,
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) => n,
        _ => null,
    };

    private static IReadOnlyList<OutboxSendingWindow> ReadWindows(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Array } array)
        {
            return Array.Empty<OutboxSendingWindow>();
        }

        var windows = new List<OutboxSendingWindow>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object &&
                item.TryGetProperty("day", out JsonElement day) && OutboxSendingWindow.DayFromName(day.GetString()) is DayOfWeek dayOfWeek &&
                item.TryGetProperty("start", out JsonElement start) && item.TryGetProperty("end", out JsonElement end))
            {
                windows.Add(new OutboxSendingWindow { Days = new[] { dayOfWeek }, Start = start.GetString(), End = end.GetString() });
            }
        }

        return windows;
    }
}

internal sealed class StepDto
{
    [JsonPropertyName("id")]
    public Guid? Id { get; set; }

    [JsonPropertyName("step_order")]
    public int StepOrder { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("body_html")]
    public string? BodyHtml { get; set; }

    [JsonPropertyName("body_text")]
    public string? BodyText { get; set; }

    [JsonPropertyName("delay_minutes")]
    public long? DelayMinutes { get; set; }

    [JsonPropertyName("is_active")]
    public bool? IsActive { get; set; }

    public OutboxCampaignStep ToModel() => new OutboxCampaignStep
    {
        Id = Id,
        Order = StepOrder,
        Subject = Subject,
        BodyHtml = BodyHtml,
        BodyText = BodyText,
        DelayMinutes = DelayMinutes,
        IsActive = IsActive,
    };
}

internal sealed class SenderDto
{
    [JsonPropertyName("id")]
    public Guid Id { get; set; }

    [JsonPropertyName("from_email")]
    public string? FromEmail { get; set; }

    [JsonPropertyName("from_name")]
    public string? FromName { get; set; }

    [JsonPropertyName("reply_to_email")]
    public string? ReplyToEmail { get; set; }

    [JsonPropertyName("company")]
    public Guid? Company { get; set; }

    [JsonPropertyName("is_default")]
    public bool? IsDefault { get; set; }

    [JsonPropertyName("verified_at")]
    public DateTimeOffset? VerifiedAt { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    public OutboxSender ToModel() => new OutboxSender
    {
        Id = Id,
        FromEmail = FromEmail ?? string.Empty,
        FromName = FromName,
        ReplyToEmail = ReplyToEmail,
        Company = Company,
        IsDefault = IsDefault,
        VerifiedAt = VerifiedAt,
        CreatedAt = CreatedAt,
    };
}
