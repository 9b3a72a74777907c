using System.Globalization;
using System.Text.Json;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// An audience filter (<c>{"match": "all"|"any", "conditions": [...]}</c>), as in the Loops API
/// reference 1.22.2 (campaigns_create / campaigns_update, audienceFilter.match and .conditions).
/// </summary>
public sealed class LoopsAudienceFilter
{
    private LoopsAudienceFilter(JsonElement value) => Value = value;

    internal JsonElement Value { get; }

    /// <summary>Parses and checks a filter given as JSON.</summary>
    /// <exception cref="InputValidationException">The JSON is not an object with <c>match</c> and a <c>conditions</c> array.</exception>
    public static LoopsAudienceFilter FromJson(string json)
    {
        var rules = LoopsRules.Instance;
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw rules.Fail("AudienceFilter", $"AudienceFilter is not valid JSON ({exception.Message}). Give a hashtable such as @{{ match = 'all'; conditions = @(...) }} or its JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("match", out JsonElement match) || match.ValueKind != JsonValueKind.String ||
            !root.TryGetProperty("conditions", out JsonElement conditions) || conditions.ValueKind != JsonValueKind.Array)
        {
            throw rules.Fail("AudienceFilter", "AudienceFilter needs a 'match' text ('all' or 'any') and a 'conditions' array, e.g. @{ match = 'all'; conditions = @(...) }.");
        }

        rules.OneOf("AudienceFilter.match", match.GetString(), new[] { "all", "any" });
        return new LoopsAudienceFilter(root);
    }

    /// <inheritdoc />
    public override string ToString() => Value.GetRawText();
}

/// <summary>A campaign to create. Only the name is required.</summary>
public sealed class NewLoopsCampaign
{
    /// <summary>The campaign name (required).</summary>
    public string? Name { get; set; }

    /// <summary>The mailing list to send to.</summary>
    public string? MailingListId { get; set; }

    /// <summary>The audience segment to send to.</summary>
    public string? AudienceSegmentId { get; set; }

    /// <summary>An audience filter, applied on top of the segment when both are given.</summary>
    public LoopsAudienceFilter? AudienceFilter { get; set; }

    /// <summary>The group to file it in; the team's Unsorted group when omitted.</summary>
    public string? CampaignGroupId { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    /// <exception cref="InputValidationException">A value is missing or invalid; the message names it.</exception>
    public void Validate() => ToBody();

    internal CampaignBody ToBody()
    {
        var rules = LoopsRules.Instance;
        return new CampaignBody
        {
            Name = rules.NotBlank("Name", Name).Trim(),
            MailingListId = LoopsRules.OptionalId(rules, "MailingListId", MailingListId),
            AudienceSegmentId = LoopsRules.OptionalId(rules, "AudienceSegmentId", AudienceSegmentId),
            AudienceFilter = AudienceFilter?.Value,
            CampaignGroupId = LoopsRules.OptionalId(rules, "CampaignGroupId", CampaignGroupId),
        };
    }
}

/// <summary>Changes to a draft campaign; at least one must be set.</summary>
public sealed class LoopsCampaignChanges
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>The mailing list to send to.</summary>
    public string? MailingListId { get; set; }

    /// <summary>The audience segment to send to; without a filter this clears the existing filter.</summary>
    public string? AudienceSegmentId { get; set; }

    /// <summary>An audience filter.</summary>
    public LoopsAudienceFilter? AudienceFilter { get; set; }

    /// <summary>The group to move the campaign to.</summary>
    public string? CampaignGroupId { get; set; }

    /// <summary>Send to no mailing list any more (sends <c>"mailingListId": null</c>). Exclusive with <see cref="MailingListId"/>.</summary>
    public bool ClearMailingList { get; set; }

    /// <summary>Send to no audience segment any more (sends <c>"audienceSegmentId": null</c>). Exclusive with <see cref="AudienceSegmentId"/>.</summary>
    public bool ClearAudienceSegment { get; set; }

    /// <summary>Send as soon as possible.</summary>
    public bool SendNow { get; set; }

    /// <summary>Send at this (future) time.</summary>
    public DateTimeOffset? ScheduleAt { get; set; }

    /// <summary>True when the change makes the campaign send mail.</summary>
    public bool Sends => SendNow || ScheduleAt.HasValue;

    /// <summary>Checks the changes without sending anything; <paramref name="now"/> is the reference for ScheduleAt.</summary>
    /// <exception cref="InputValidationException">Nothing to change, or a value is invalid; the message names it.</exception>
    public void Validate(DateTimeOffset now) => ToBody(now);

    internal CampaignBody ToBody(DateTimeOffset now)
    {
        var rules = LoopsRules.Instance;
        rules.AtLeastOne("Changes", new Dictionary<string, bool>
        {
            ["Name"] = Name != null,
            ["MailingListId"] = MailingListId != null,
            ["AudienceSegmentId"] = AudienceSegmentId != null,
            ["AudienceFilter"] = AudienceFilter != null,
            ["CampaignGroupId"] = CampaignGroupId != null,
            ["ClearMailingList"] = ClearMailingList,
            ["ClearAudienceSegment"] = ClearAudienceSegment,
            ["SendNow"] = SendNow,
            ["ScheduleAt"] = ScheduleAt.HasValue,
        });
        if (ClearMailingList && MailingListId != null)
        {
            throw rules.Fail("ClearMailingList", "Give either a MailingListId or ClearMailingList, not both.");
        }

        if (ClearAudienceSegment && AudienceSegmentId != null)
        {
            throw rules.Fail("ClearAudienceSegment", "Give either an AudienceSegmentId or ClearAudienceSegment, not both.");
        }

        if (SendNow && ScheduleAt.HasValue)
        {
            throw rules.Fail("ScheduleAt", "Give either SendNow or ScheduleAt, not both.");
        }

        SchedulingBody? scheduling = null;
        if (ScheduleAt.HasValue)
        {
            rules.InFuture("ScheduleAt", ScheduleAt.Value, now);
            scheduling = new SchedulingBody { Method = "schedule", Timestamp = ScheduleAt.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
        }
        else if (SendNow)
        {
            scheduling = new SchedulingBody { Method = "now" };
        }

        return new CampaignBody
        {
            Name = Name == null ? null : rules.NotBlank("Name", Name).Trim(),
            MailingListId = LoopsRules.OptionalId(rules, "MailingListId", MailingListId),
            AudienceSegmentId = LoopsRules.OptionalId(rules, "AudienceSegmentId", AudienceSegmentId),
            AudienceFilter = AudienceFilter?.Value,
            CampaignGroupId = LoopsRules.OptionalId(rules, "CampaignGroupId", CampaignGroupId),
            Scheduling = scheduling,
            Cleared = Cleared(),
        };
    }

    private Dictionary<string, object?>? Cleared()
    {
        var cleared = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (ClearMailingList)
        {
            cleared["mailingListId"] = null;
        }

        if (ClearAudienceSegment)
        {
            cleared["audienceSegmentId"] = null;
        }

        return cleared.Count == 0 ? null : cleared;
    }
}

/// <summary>Changes to a campaign's email message; at least one field must be set.</summary>
public sealed class LoopsEmailMessageChanges
{
    /// <summary>The revision the changes are based on (optimistic concurrency). Null only together with force.</summary>
    public string? ExpectedRevisionId { get; set; }

    /// <summary>Subject line.</summary>
    public string? Subject { get; set; }

    /// <summary>Preview text.</summary>
    public string? PreviewText { get; set; }

    /// <summary>Sender name.</summary>
    public string? FromName { get; set; }

    /// <summary>Sender user name only, e.g. <c>hello</c>; Loops appends the team's sending domain.</summary>
    public string? FromEmail { get; set; }

    /// <summary>Reply-to address; empty to clear.</summary>
    public string? ReplyToEmail { get; set; }

    /// <summary>The body as LMX (at most 100 KB).</summary>
    public string? Lmx { get; set; }

    /// <summary>How the email is rendered: <c>styled</c> or <c>plain</c> (API reference 1.21.6, emailFormat).</summary>
    public string? EmailFormat { get; set; }

    /// <summary>ISO 639-1 language code of the email, e.g. <c>en</c> or <c>fr</c>.</summary>
    public string? LanguageCode { get; set; }

    /// <summary>
    /// Fallbacks for contact properties, by property name: a text sets the fallback, null deletes it, and
    /// properties not named are left as they are (per-key merge, 1.22.2 manifest).
    /// </summary>
    public IDictionary<string, string?>? ContactPropertiesFallbacks { get; set; }

    /// <summary>The email formats the API reference lists.</summary>
    public static IReadOnlyList<string> EmailFormats { get; } = new[] { "styled", "plain" };

    /// <summary>LMX payloads over this many UTF-8 bytes are rejected with 413 (Loops API reference, email-messages update).</summary>
    public const int MaxLmxBytes = 100 * 1024;

    /// <summary>Checks the changes without sending anything.</summary>
    /// <exception cref="InputValidationException">Nothing to change, or a value is invalid; the message names it.</exception>
    public void Validate()
    {
        var rules = LoopsRules.Instance;
        rules.AtLeastOne("Changes", new Dictionary<string, bool>
        {
            ["Subject"] = Subject != null,
            ["PreviewText"] = PreviewText != null,
            ["FromName"] = FromName != null,
            ["FromEmail"] = FromEmail != null,
            ["ReplyToEmail"] = ReplyToEmail != null,
            ["Lmx"] = Lmx != null,
            ["EmailFormat"] = EmailFormat != null,
            ["LanguageCode"] = LanguageCode != null,
            ["ContactPropertiesFallbacks"] = ContactPropertiesFallbacks != null && ContactPropertiesFallbacks.Count > 0,
        });
        if (EmailFormat != null)
        {
            rules.OneOf("EmailFormat", EmailFormat.Trim().ToLowerInvariant(), EmailFormats);
        }

        if (LanguageCode != null && !System.Text.RegularExpressions.Regex.IsMatch(LanguageCode.Trim(), "^[A-Za-z]{2}$"))
        {
            throw rules.Fail("LanguageCode", $"LanguageCode '{InputRules.Show(LanguageCode)}' is not an ISO 639-1 code. Use two letters, e.g. 'en' or 'fr'.");
        }

        foreach (string key in ContactPropertiesFallbacks?.Keys ?? (ICollection<string>)Array.Empty<string>())
        {
            rules.NotBlank("ContactPropertiesFallbacks", key);
        }

        if (FromEmail != null)
        {
            string user = rules.NotBlank("FromEmail", FromEmail);
            if (user.IndexOf('@') >= 0)
            {
                throw rules.Fail("FromEmail", $"FromEmail '{user}' contains '@'. Give only the user name (e.g. 'hello' for hello@yourdomain.com); Loops appends the team's sending domain.");
            }

            if (!InputRules.IsEmail(user + "@example.com"))
            {
                throw rules.Fail("FromEmail", $"FromEmail '{user}' is not a valid e-mail user name. Use letters, digits, '.', '_' or '-', e.g. 'hello'.");
            }
        }

        rules.Email("ReplyToEmail", ReplyToEmail);
        rules.MaxUtf8Bytes("Lmx", Lmx, MaxLmxBytes, "100 KB");
    }

    internal EmailMessageBody ToBody(string expectedRevisionId) => new EmailMessageBody
    {
        ExpectedRevisionId = expectedRevisionId,
        Subject = Subject,
        PreviewText = PreviewText,
        FromName = FromName,
        FromEmail = FromEmail?.Trim(),
        ReplyToEmail = ReplyToEmail,
        Lmx = Lmx,
        EmailFormat = EmailFormat?.Trim().ToLowerInvariant(),
        LanguageCode = LanguageCode?.Trim().ToLowerInvariant(),
        ContactPropertiesFallbacks = ContactPropertiesFallbacks == null || ContactPropertiesFallbacks.Count == 0
            ? null
            : ContactPropertiesFallbacks.ToDictionary(p => p.Key.Trim(), p => p.Value, StringComparer.Ordinal),
    };
}

/// <summary>A campaign group to create.</summary>
public sealed class NewLoopsCampaignGroup
{
    /// <summary>The group name; not the reserved name "Unsorted".</summary>
    public string? Name { get; set; }

    /// <summary>An optional description.</summary>
    public string? Description { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    /// <exception cref="InputValidationException">A value is missing or invalid; the message names it.</exception>
    public void Validate() => ToBody();

    internal CampaignGroupBody ToBody()
    {
        var rules = LoopsRules.Instance;
        string name = rules.NotBlank("Name", Name).Trim();
        if (string.Equals(name, "Unsorted", StringComparison.OrdinalIgnoreCase))
        {
            throw rules.Fail("Name", "'Unsorted' is the name of Loops' reserved default group. Choose another name.");
        }

        return new CampaignGroupBody { Name = name, Description = Description };
    }
}

/// <summary>Changes to a campaign group (POST /campaign-groups/{id}); at least one must be set.</summary>
public sealed class LoopsCampaignGroupChanges
{
    /// <summary>A new name; not the reserved name "Unsorted".</summary>
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    public string? Description { get; set; }

    /// <summary>Checks the changes without sending anything.</summary>
    /// <exception cref="InputValidationException">Nothing to change, or a value is invalid; the message names it.</exception>
    public void Validate() => ToBody();

    internal CampaignGroupBody ToBody()
    {
        var rules = LoopsRules.Instance;
        rules.AtLeastOne("Changes", new Dictionary<string, bool> { ["Name"] = Name != null, ["Description"] = Description != null });
        return new CampaignGroupBody { Name = Name == null ? null : new NewLoopsCampaignGroup { Name = Name }.ToBody().Name, Description = Description };
    }
}

/// <summary>An audience segment to create: a name and a filter (API reference 1.21.6, CreateAudienceSegmentRequest).</summary>
public sealed class NewLoopsAudienceSegment
{
    /// <summary>The segment name, unique in the team (at most 255 characters).</summary>
    public string? Name { get; set; }

    /// <summary>An optional description (at most 1000 characters).</summary>
    public string? Description { get; set; }

    /// <summary>The filter the segment selects contacts by (required, at least one condition).</summary>
    public LoopsAudienceFilter? Filter { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    /// <exception cref="InputValidationException">A value is missing or invalid; the message names it.</exception>
    public void Validate() => ToBody();

    internal AudienceSegmentBody ToBody()
    {
        var rules = LoopsRules.Instance;
        string name = rules.NotBlank("Name", Name).Trim();
        rules.MaxLength("Name", name, 255);
        rules.MaxLength("Description", Description, 1000);
        if (Filter == null)
        {
            throw rules.Fail("Filter", "Filter is required: give a hashtable such as @{ match = 'all'; conditions = @(...) } or its JSON.");
        }

        if (Filter.Value.GetProperty("conditions").GetArrayLength() == 0)
        {
            throw rules.Fail("Filter", "Filter.conditions is empty. A segment needs at least one condition.");
        }

        return new AudienceSegmentBody { Name = name, Description = Description, Filter = Filter.Value };
    }
}

/// <summary>A test send of an email message to a few addresses (POST /email-messages/{id}/preview). It sends mail.</summary>
public sealed class LoopsEmailPreview
{
    /// <summary>Loops sends at most this many preview emails per team and day (API reference 1.21.6, preview).</summary>
    public const int MaxEmailsPerDay = 100;

    /// <summary>The addresses to send the preview to (at least one).</summary>
    public IReadOnlyList<string> Emails { get; set; } = Array.Empty<string>();

    /// <summary>Contact property values to render, e.g. firstName (campaign and workflow previews).</summary>
    public IDictionary<string, string>? ContactProperties { get; set; }

    /// <summary>Checks the input without sending anything.</summary>
    /// <exception cref="InputValidationException">No address, an invalid address, or more than a day's previews.</exception>
    public void Validate() => ToBody();

    internal PreviewBody ToBody()
    {
        var rules = LoopsRules.Instance;
        List<string> emails = Emails.Where(e => e != null).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.Count == 0)
        {
            throw rules.Fail("Email", "Give at least one address to send the preview to, e.g. -Email me@example.com.");
        }

        if (emails.Count > MaxEmailsPerDay)
        {
            throw rules.Fail("Email", $"{emails.Count} addresses are more than the {MaxEmailsPerDay} preview emails Loops sends per team and day. Send the preview to fewer addresses.");
        }

        foreach (string email in emails)
        {
            rules.Email("Email", email);
        }

        return new PreviewBody
        {
            Emails = emails,
            ContactProperties = ContactProperties == null || ContactProperties.Count == 0 ? null : ContactProperties.ToDictionary(p => p.Key, p => p.Value ?? string.Empty, StringComparer.Ordinal),
        };
    }
}

/// <summary>An image to upload as an email asset (the two-step upload of API reference 1.21.6).</summary>
public sealed class LoopsImageUpload
{
    /// <summary>The largest image Loops accepts, in bytes (CreateUploadRequest.contentLength).</summary>
    public const long MaxBytes = 4_000_000;

    private static readonly Dictionary<string, string> TypesByExtension = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    /// <summary>The MIME types Loops accepts.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } = new[] { "image/jpeg", "image/png", "image/gif", "image/webp" };

    /// <summary>The image's bytes.</summary>
    public byte[]? Content { get; set; }

    /// <summary>The MIME type; taken from the file name's extension when not given.</summary>
    public string? ContentType { get; set; }

    /// <summary>The file name, for messages and the output.</summary>
    public string? FileName { get; set; }

    /// <summary>The MIME type for a file name's extension, or null when Loops takes no such image.</summary>
    public static string? ContentTypeFor(string fileName) =>
        TypesByExtension.TryGetValue(System.IO.Path.GetExtension(fileName ?? string.Empty), out string? type) ? type : null;

    /// <summary>Checks the input without sending anything.</summary>
    /// <exception cref="InputValidationException">No content, an unsupported type, or more than 4,000,000 bytes.</exception>
    public void Validate() => ToBody();

    internal UploadBody ToBody()
    {
        var rules = LoopsRules.Instance;
        string name = FileName ?? "the image";
        string? type = ContentType ?? (FileName == null ? null : ContentTypeFor(FileName));
        if (type == null)
        {
            throw rules.Fail("ContentType", $"Loops cannot take '{InputRules.Show(name)}' as an image. Use a .png, .jpg, .gif or .webp file, or give -ContentType.");
        }

        rules.OneOf("ContentType", type.Trim().ToLowerInvariant(), ContentTypes);
        if (Content == null || Content.Length == 0)
        {
            throw rules.Fail("Content", $"'{InputRules.Show(name)}' is empty. Give an image file with content.");
        }

        if (Content.LongLength > MaxBytes)
        {
            throw rules.Fail("Content", $"'{InputRules.Show(name)}' is {Content.LongLength:N0} bytes; Loops takes images of at most {MaxBytes:N0} bytes. Make the image smaller.");
        }

        return new UploadBody { ContentType = type.Trim().ToLowerInvariant(), ContentLength = Content.LongLength };
    }
}

internal static class LoopsRules
{
    public static InputRules Instance { get; } = new InputRules("Loops");

    public static string? OptionalId(InputRules rules, string field, string? value) =>
        value == null ? null : rules.NotBlank(field, value).Trim();

    public static string RequiredId(string field, string? value) => Instance.PlainId(field, value);

    public static int? PageSize(int? perPage)
    {
        if (perPage.HasValue && (perPage < 10 || perPage > 50))
        {
            throw Instance.Fail("PageSize", $"PageSize {perPage} is outside what Loops allows. Use a number from 10 to 50.");
        }

        return perPage;
    }

    public static IEnumerable<KeyValuePair<string, string?>> PageQuery(string? cursor, int? perPage) => new[]
    {
        new KeyValuePair<string, string?>("perPage", PageSize(perPage)?.ToString(CultureInfo.InvariantCulture)),
        new KeyValuePair<string, string?>("cursor", cursor),
    }.Where(p => p.Value != null);
}
