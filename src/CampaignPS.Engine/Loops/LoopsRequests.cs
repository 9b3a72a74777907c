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
            ["SendNow"] = SendNow,
            ["ScheduleAt"] = ScheduleAt.HasValue,
        });
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
        };
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
        });
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
