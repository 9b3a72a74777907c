using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignPS.Sandbox.Platforms.Outbox;

internal sealed record OutboxCampaignInput(
    string Name,
    Guid Company,
    IReadOnlyList<Guid> SenderIdentityIds,
    string? Description,
    string? Timezone,
    string? AllowedWindowsJson,
    IReadOnlyList<OutboxAllowedWindow>? AllowedWindows,
    bool StopOnReply,
    string Status,
    Guid? Workflow,
    Guid? ResponderAgent);

internal sealed record OutboxSenderInput(
    string FromEmail,
    Guid Company,
    string FromName,
    string? ReplyToEmail,
    bool UseDefaultReplyTo,
    string? ProviderSenderId,
    string? VerificationDetailsJson,
    bool IsDefault,
    Guid? Connection,
    Guid? Domain);

/// <summary>A contact upsert: unset fields keep the stored value on update.</summary>
internal sealed record OutboxContactInput(
    Optional<string?> FullName,
    string? Email,
    string? PhoneNumber,
    Optional<string?> BusinessName,
    Optional<string?> Notes,
    IReadOnlyList<string> Tags,
    Optional<bool> IsDnd,
    Optional<string> LeadSource,
    IReadOnlyDictionary<string, string?> CustomFields);

/// <summary>Reads Outbox request bodies. Outbox documents no error shape; the sandbox assumes Django REST
/// framework's (the API's field names and trailing slashes suggest DRF): 400s are <c>{"field": ["message"]}</c>
/// with DRF's stock messages, so every problem is a <see cref="PlatformErrorException.FieldError"/>.</summary>
internal static partial class OutboxInputs
{
    public const int NameMaxLength = 255;
    public const int TimezoneMaxLength = 64;

    private const string Required = "This field is required.";
    private const string MayNotBeNull = "This field may not be null.";
    private const string MayNotBeBlank = "This field may not be blank.";

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    // Read-only fields of the documented request samples (id, created_at, created_by, is_deleted, ...) are
    // accepted and ignored, as DRF does with read-only fields.
    private static readonly string[] CampaignFields =
    [
        "name", "company", "sender_identity_ids", "description", "timezone", "allowed_windows", "stop_on_reply",
        "workflow", "responder_agent", "status", "id", "is_deleted", "created_at", "updated_at", "created_by",
    ];

    private static readonly string[] SenderFields =
    [
        "from_email", "company", "from_name", "reply_to_email", "use_default_reply_to", "provider_sender_id",
        "verification_details", "is_default", "connection", "domain", "id", "is_deleted", "verified_at", "created_at", "updated_at",
    ];

    private static readonly string[] ContactFields =
    [
        "full_name", "email", "phone_number", "business_name", "notes", "tags", "is_dnd", "lead_source", "custom_fields",
    ];

    private static readonly string[] WindowFields = ["day", "start", "end"];

    public static OutboxCampaignInput ReadCampaign(string text)
    {
        var body = JsonRequestBody.Parse(text, CampaignFields);
        var name = RequiredString(body, "name", NameMaxLength);
        var company = RequiredUuid(body, "company");
        var senders = UuidList(body, "sender_identity_ids");
        var description = OptionalString(body, "description", maxLength: null);
        var timezone = OptionalString(body, "timezone", TimezoneMaxLength);
        if (timezone is not null && !TextFormats.TryFindIanaTimeZone(timezone, out _))
        {
            throw Fail("timezone", $"\"{timezone}\" is not a valid IANA time zone (e.g. Europe/Berlin).");
        }
        var (windowsJson, windows) = AllowedWindows(body);
        var stopOnReply = OptionalBoolean(body, "stop_on_reply", lenient: false) ?? true;
        var status = OptionalString(body, "status", maxLength: null) ?? OutboxCampaignStatus.Draft;
        if (!OutboxCampaignStatus.All.Contains(status))
        {
            throw Fail("status", $"\"{status}\" is not a valid choice.");
        }
        return new OutboxCampaignInput(
            name, company, senders, description, timezone, windowsJson, windows, stopOnReply, status,
            OptionalUuid(body, "workflow"), OptionalUuid(body, "responder_agent"));
    }

    public static OutboxSenderInput ReadSender(string text)
    {
        var body = JsonRequestBody.Parse(text, SenderFields);
        var fromEmail = Email("from_email", RequiredString(body, "from_email", maxLength: 254));
        var company = RequiredUuid(body, "company");
        var replyTo = OptionalString(body, "reply_to_email", maxLength: 254) is { } reply ? Email("reply_to_email", reply) : null;
        var verification = body.Element("verification_details") is { IsSet: true, Value: var details } && details.ValueKind != JsonValueKind.Null
            ? details.GetRawText()
            : null;
        return new OutboxSenderInput(
            fromEmail,
            company,
            OptionalString(body, "from_name", maxLength: 255) ?? "",
            replyTo,
            OptionalBoolean(body, "use_default_reply_to", lenient: false) ?? false,
            OptionalString(body, "provider_sender_id", maxLength: 255),
            verification,
            OptionalBoolean(body, "is_default", lenient: false) ?? false,
            OptionalUuid(body, "connection"),
            OptionalUuid(body, "domain"));
    }

    public static OutboxContactInput ReadContact(string text, IReadOnlyCollection<string> knownCustomFields)
    {
        var body = JsonRequestBody.Parse(text, ContactFields);
        // Blank email / phone_number count as absent, so a contact can carry just one of them.
        var email = NullableText(body, "email").Value is { } rawEmail ? Email("email", rawEmail).ToLowerInvariant() : null;
        var phone = NullableText(body, "phone_number").Value;
        if (email is null && phone is null)
        {
            throw Fail("non_field_errors", "email or phone_number is required.");
        }

        var fullName = NullableText(body, "full_name");
        if (fullName is { IsSet: true, Value: { } name })
        {
            fullName = Optional<string?>.Of(TitleCase(name));
        }

        // Contacts page: "Invalid values are stored as manual".
        var leadSource = OptionalString(body, "lead_source", maxLength: null) is { } source
            ? Optional<string>.Of(OutboxLeadSource.All.FirstOrDefault(s => string.Equals(s, source.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? OutboxLeadSource.Manual)
            : Optional<string>.Unset;

        var isDnd = OptionalBoolean(body, "is_dnd", lenient: true);
        return new OutboxContactInput(
            fullName,
            email,
            phone,
            NullableText(body, "business_name"),
            NullableText(body, "notes"),
            Tags(body),
            isDnd is { } dnd ? Optional<bool>.Of(dnd) : Optional<bool>.Unset,
            leadSource,
            CustomFields(body, knownCustomFields));
    }

    /// <summary>Merges tags case-insensitively, keeping the first spelling and order.</summary>
    public static IReadOnlyList<string> MergeTags(IEnumerable<string> first, IEnumerable<string> second)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return first.Concat(second).Where(seen.Add).ToArray();
    }

    internal static PlatformErrorException Fail(string field, string message) => PlatformErrorException.FieldError(field, message);

    private static (string? Json, IReadOnlyList<OutboxAllowedWindow>? Windows) AllowedWindows(JsonRequestBody body)
    {
        // Outbox types allowed_windows as "<unknown>": any JSON is stored. An array must be the shape the
        // sandbox documents: [{"day": "monday".."sunday", "start": "HH:mm", "end": "HH:mm"}] with start < end.
        var element = body.Element("allowed_windows");
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            return (element.Value.GetRawText(), null);
        }

        var windows = new List<OutboxAllowedWindow>();
        var items = body.Objects("allowed_windows", WindowFields).Value;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = $"allowed_windows[{i}].";
            var day = RequiredString(item, "day", maxLength: null, prefix);
            if (!Days.Contains(day, StringComparer.OrdinalIgnoreCase))
            {
                throw Fail(prefix + "day", $"\"{day}\" is not a valid choice; use one of {string.Join(", ", Days)}.");
            }
            var start = TimeOfDay(item, "start", prefix);
            var end = TimeOfDay(item, "end", prefix);
            if (start >= end)
            {
                throw Fail(prefix + "start", $"start ({start:HH\\:mm}) must be before end ({end:HH\\:mm}).");
            }
            windows.Add(new OutboxAllowedWindow(day.ToLowerInvariant(), start, end));
        }
        return (element.Value.GetRawText(), windows);
    }

    private static TimeOnly TimeOfDay(JsonRequestBody item, string field, string prefix)
    {
        var text = RequiredString(item, field, maxLength: null, prefix);
        return TextFormats.TryParseHourMinute(text, out var time)
            ? time
            : throw Fail(prefix + field, $"\"{text}\" is not a time of day in HH:mm format (00:00-23:59).");
    }

    private static string RequiredString(JsonRequestBody body, string field, int? maxLength, string prefix = "")
    {
        if (!body.Element(field).IsSet)
        {
            throw Fail(prefix + field, Required);
        }
        return OptionalString(body, field, maxLength, prefix) ?? throw Fail(prefix + field, MayNotBeNull);
    }

    /// <summary>A string field; absent or null yields null, blank is refused.</summary>
    private static string? OptionalString(JsonRequestBody body, string field, int? maxLength, string prefix = "")
    {
        var element = body.Element(field);
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.Value.ValueKind != JsonValueKind.String)
        {
            throw Fail(prefix + field, "Not a valid string.");
        }
        var text = element.Value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Fail(prefix + field, MayNotBeBlank);
        }
        return maxLength is { } max && text.Length > max
            ? throw Fail(prefix + field, $"Ensure this field has no more than {max} characters.")
            : text;
    }

    /// <summary>A free-text contact field: null clears it, blank clears it too.</summary>
    private static Optional<string?> NullableText(JsonRequestBody body, string field)
    {
        var element = body.Element(field);
        if (!element.IsSet)
        {
            return Optional<string?>.Unset;
        }
        return element.Value.ValueKind switch
        {
            JsonValueKind.Null => Optional<string?>.Of(null),
            JsonValueKind.String => Optional<string?>.Of(element.Value.GetString()!.Trim() is { Length: > 0 } text ? text : null),
            _ => throw Fail(field, "Not a valid string."),
        };
    }

    private static Guid RequiredUuid(JsonRequestBody body, string field) =>
        body.Element(field).IsSet
            ? OptionalUuid(body, field) ?? throw Fail(field, MayNotBeNull)
            : throw Fail(field, Required);

    private static Guid? OptionalUuid(JsonRequestBody body, string field)
    {
        var element = body.Element(field);
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return element.Value.ValueKind == JsonValueKind.String && Guid.TryParse(element.Value.GetString(), out var id)
            ? id
            : throw Fail(field, $"\"{element.Value}\" is not a valid UUID.");
    }

    private static IReadOnlyList<Guid> UuidList(JsonRequestBody body, string field)
    {
        var element = body.Element(field);
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            throw Fail(field, $"Expected a list of items but got type \"{element.Value.ValueKind.ToString().ToLowerInvariant()}\".");
        }
        var ids = new List<Guid>();
        foreach (var item in element.Value.EnumerateArray())
        {
            ids.Add(item.ValueKind == JsonValueKind.String && Guid.TryParse(item.GetString(), out var id)
                ? id
                : throw Fail(field, $"\"{item}\" is not a valid UUID."));
        }
        return ids.Distinct().ToArray();
    }

    /// <summary>true/false; with <paramref name="lenient"/> also the strings "true"/"false"/"yes"/"no" (any case).</summary>
    private static bool? OptionalBoolean(JsonRequestBody body, string field, bool lenient)
    {
        var element = body.Element(field);
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return element.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when lenient => element.Value.GetString()!.Trim().ToLowerInvariant() switch
            {
                "true" or "yes" => true,
                "false" or "no" => false,
                _ => throw Fail(field, "Must be a valid boolean."),
            },
            _ => throw Fail(field, "Must be a valid boolean."),
        };
    }

    private static IReadOnlyList<string> Tags(JsonRequestBody body)
    {
        var element = body.Element("tags");
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            throw Fail("tags", $"Expected a list of items but got type \"{element.Value.ValueKind.ToString().ToLowerInvariant()}\".");
        }
        var tags = element.Value.EnumerateArray()
            .Select(tag => tag.ValueKind == JsonValueKind.String ? tag.GetString()!.Trim() : throw Fail("tags", "Not a valid string."))
            .Where(tag => tag.Length > 0);
        return MergeTags(tags, []);
    }

    /// <summary>Only custom fields the company has defined are stored; other names are dropped silently.</summary>
    private static Dictionary<string, string?> CustomFields(JsonRequestBody body, IReadOnlyCollection<string> known)
    {
        var element = body.Element("custom_fields");
        if (!element.IsSet || element.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.Value.ValueKind != JsonValueKind.Object)
        {
            throw Fail("custom_fields", $"Expected a dictionary of items but got type \"{element.Value.ValueKind.ToString().ToLowerInvariant()}\".");
        }
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.Value.EnumerateObject())
        {
            if (known.FirstOrDefault(name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                fields[name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
        }
        return fields;
    }

    private static string Email(string field, string text) =>
        EmailShape().IsMatch(text) && MailAddress.TryCreate(text, out var address) && address.Address == text
            ? text
            : throw Fail(field, "Enter a valid email address.");

    private static string TitleCase(string name) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailShape();
}
