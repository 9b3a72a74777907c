namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>Which documented error body the sandbox sends (DESIGN.md: Tether errors come in both shapes).</summary>
public enum SmsErrorShape
{
    /// <summary><c>{"success": false, "error": {"code": "...", "message": "..."}}</c> (default).</summary>
    Nested,

    /// <summary><c>{"success": false, "message": "...", "code": "..."}</c>: the docs' ApiError schema.</summary>
    TopLevel,
}

/// <summary>Campaign statuses. The campaign object example shows "scheduled"; the sandbox's send ends in "completed".</summary>
public static class SmsCampaignStatus
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Draft, Scheduled, Sending, Completed, Cancelled, Failed];
}

/// <summary>A contact (Mongo-style 24-hex id). <see cref="IsProtected"/>: recently messaged, so validate-contacts
/// lists it under protectedContacts; <see cref="LastMessagedAt"/> is set when a sandbox send reached it.</summary>
public sealed record SmsContact(
    string Id,
    string? FirstName,
    string? LastName,
    string PhoneNumber,
    string? Email,
    bool IsProtected,
    DateTimeOffset? LastMessagedAt,
    DateTimeOffset CreatedAt);

/// <summary>A recipient the send could not reach (failedDetails entry; ContactId is also in failedUserIds).</summary>
public sealed record SmsFailedDetail(string ContactId, string PhoneNumber, string Error);

/// <summary>The campaign object's stats; SuccessRate is a string such as "66.7%".</summary>
public sealed record SmsCampaignStats(int Total, int Sent, int Failed, string SuccessRate);

/// <summary>A campaign. Contacts are its recipients (the API's userIds), in the order they were added.</summary>
public sealed record SmsCampaign(
    string Id,
    string Name,
    string Message,
    string Status,
    DateTimeOffset? ScheduleDate,
    string? Process,
    string ContactStatus,
    bool IsAutopilot,
    string Type,
    IReadOnlyList<SmsContact> Contacts,
    SmsCampaignStats Stats,
    IReadOnlyList<SmsFailedDetail> FailedDetails,
    string? SegmentationJson,
    string? AssignmentJson,
    string? RawCsvDataJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public IReadOnlyList<string> ContactIds => Contacts.Select(c => c.Id).ToArray();

    public IReadOnlyList<string> PhoneNumbers => Contacts.Select(c => c.PhoneNumber).ToArray();
}

/// <summary>validate-contacts' answer: each input contact in exactly one list (the other lists of the
/// documented response stay empty in the sandbox).</summary>
internal sealed record SmsContactValidation(
    IReadOnlyList<System.Text.Json.Nodes.JsonNode> NewContacts,
    IReadOnlyList<SmsContact> ExistingContacts,
    IReadOnlyList<SmsContact> AlreadyMessagedOutbound,
    IReadOnlyList<SmsContact> ProtectedContacts);
