namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>Which form of the Authorization header a request used.</summary>
public enum OutboxAuthForm
{
    /// <summary>No Authorization header (or an empty one).</summary>
    None,

    /// <summary><c>Authorization: Bearer KEY</c>, as the campaign and sender pages document it.</summary>
    Bearer,

    /// <summary><c>Authorization: KEY</c> without a scheme, as the contacts page documents it.</summary>
    Raw,
}

/// <summary>Which Authorization forms the contacts route accepts (the other routes always accept both).</summary>
public enum OutboxContactsAuth
{
    /// <summary>Bearer and raw (default).</summary>
    Either,

    /// <summary>Only <c>Authorization: KEY</c>, literally as the contacts page shows it.</summary>
    RawOnly,

    /// <summary>Only <c>Authorization: Bearer KEY</c>, as the other pages show it.</summary>
    BearerOnly,
}

/// <summary>One request's Authorization form, recorded before the key is checked (so refused attempts are
/// listed too). Requests answered by a fault injected before the handler never reach auth and are not listed.</summary>
public sealed record OutboxAuthRecord(string Method, string Path, OutboxAuthForm Form, bool Accepted);

/// <summary>Campaign statuses the sandbox accepts (Outbox documents none; assumed).</summary>
public static class OutboxCampaignStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Draft, Active, Paused, Completed, Cancelled];
}

/// <summary>The lead_source values the contacts page lists; anything else is stored as manual.</summary>
public static class OutboxLeadSource
{
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [Manual, "api", "webhook", "facebook", "instagram", "import"];
}

public sealed record OutboxCompany(Guid Id, string Name);

/// <summary>One day-of-week sending window, the typed shape the sandbox checks when allowed_windows is an array.</summary>
public sealed record OutboxAllowedWindow(string Day, TimeOnly Start, TimeOnly End);

/// <summary>A sender identity (the create-sender response's fields).</summary>
public sealed record OutboxSender(
    Guid Id,
    Guid Company,
    string FromEmail,
    string FromName,
    string? ReplyToEmail,
    bool UseDefaultReplyTo,
    string? ProviderSenderId,
    string? VerificationDetailsJson,
    bool IsDefault,
    DateTimeOffset? VerifiedAt,
    Guid? Connection,
    Guid? Domain,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An email campaign. <see cref="AllowedWindowsJson"/> is stored as sent (any JSON);
/// <see cref="AllowedWindows"/> holds the typed windows when it was an array.</summary>
public sealed record OutboxCampaign(
    Guid Id,
    string Name,
    Guid Company,
    IReadOnlyList<Guid> SenderIdentityIds,
    IReadOnlyList<string> SenderEmails,
    string? Description,
    string? Timezone,
    string? AllowedWindowsJson,
    IReadOnlyList<OutboxAllowedWindow>? AllowedWindows,
    bool StopOnReply,
    string Status,
    Guid? Workflow,
    Guid? ResponderAgent,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A contact of a company. Email is lower-cased, FullName title-cased; CustomFields holds only known
/// custom field names, string values as sent and other JSON values as their JSON text.</summary>
public sealed record OutboxContact(
    Guid Id,
    Guid Company,
    string? FullName,
    string? Email,
    string? PhoneNumber,
    string? BusinessName,
    string? Notes,
    IReadOnlyList<string> Tags,
    bool IsDnd,
    string LeadSource,
    IReadOnlyDictionary<string, string?> CustomFields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
