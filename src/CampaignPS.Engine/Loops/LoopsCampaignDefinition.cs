using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// A Loops campaign's configuration as code (kind "LoopsCampaign", schemaVersion 1): name, audience (mailing list and
/// audience segment by name, an audience filter), campaign group by name, and the email message. Names rather than ids,
/// so a definition applies in another team whose lists and groups have the same names. Sending is not part of it:
/// scheduling sends mail, so it stays with Set-LoopsCampaign -ScheduleAt / -SendNow. A value left null is not managed.
/// </summary>
public sealed class LoopsCampaignDefinition
{
    /// <summary>The kind every Loops campaign definition names.</summary>
    public const string DefinitionKind = "LoopsCampaign";

    /// <summary>The schema version this module reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The campaign name (required).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The mailing list's name; null to leave it alone.</summary>
    public string? MailingList { get; set; }

    /// <summary>The audience segment's name; null to leave it alone.</summary>
    public string? AudienceSegment { get; set; }

    /// <summary>The audience filter as JSON ({"match", "conditions"}); null to leave it alone.</summary>
    public string? AudienceFilter { get; set; }

    /// <summary>The campaign group's name; null to leave it alone.</summary>
    public string? CampaignGroup { get; set; }

    /// <summary>The email message; null to leave it alone.</summary>
    public LoopsDefinitionEmailMessage? EmailMessage { get; set; }

    /// <summary>Reads a definition file's text; schema problems name the JSON path (LoopsDefinitionInvalid).</summary>
    public static LoopsCampaignDefinition Parse(string json) => LoopsDefinitionJson.Read(json);

    /// <summary>The definition as a file's text: two-space indentation, \n line ends, keys in a fixed order.</summary>
    public string ToJson() => LoopsDefinitionJson.Write(this);

    /// <summary>The definition of a live campaign: ids turned into names with <paramref name="names"/>.</summary>
    public static LoopsCampaignDefinition FromLive(LoopsCampaign campaign, LoopsEmailMessage? message, LoopsNames names)
    {
        if (campaign == null || names == null)
        {
            throw new ArgumentNullException(campaign == null ? nameof(campaign) : nameof(names));
        }

        return new LoopsCampaignDefinition
        {
            Name = campaign.Name,
            MailingList = names.ListName(campaign.MailingListId),
            AudienceSegment = names.SegmentName(campaign.AudienceSegmentId),
            AudienceFilter = string.IsNullOrWhiteSpace(campaign.AudienceFilter) ? null : LoopsDefinitionJson.Compact(campaign.AudienceFilter!),
            CampaignGroup = names.GroupName(campaign.CampaignGroupId),
            EmailMessage = message == null ? null : new LoopsDefinitionEmailMessage
            {
                Subject = message.Subject,
                PreviewText = message.PreviewText,
                FromName = message.FromName,
                // The API takes the user name only (Loops appends the team's domain); an answer with the whole address is cut.
                FromEmail = message.FromEmail?.Split('@')[0],
                ReplyToEmail = string.IsNullOrEmpty(message.ReplyToEmail) ? null : message.ReplyToEmail,
                Lmx = message.Lmx,
            },
        };
    }
}

/// <summary>The email message of a Loops definition; a null field is not managed.</summary>
public sealed class LoopsDefinitionEmailMessage
{
    /// <summary>Subject line.</summary>
    public string? Subject { get; set; }

    /// <summary>Preview text.</summary>
    public string? PreviewText { get; set; }

    /// <summary>Sender name.</summary>
    public string? FromName { get; set; }

    /// <summary>Sender user name (without @ and domain).</summary>
    public string? FromEmail { get; set; }

    /// <summary>Reply-to address.</summary>
    public string? ReplyToEmail { get; set; }

    /// <summary>The body as LMX.</summary>
    public string? Lmx { get; set; }
}

/// <summary>The team's mailing lists, audience segments and campaign groups by id and by name, for export and apply.</summary>
public sealed class LoopsNames
{
    private readonly IReadOnlyList<(string Id, string Name)> _lists;
    private readonly IReadOnlyList<(string Id, string Name)> _segments;
    private readonly IReadOnlyList<(string Id, string Name)> _groups;

    /// <summary>Creates the lookup from what the team has.</summary>
    public LoopsNames(IEnumerable<(string Id, string Name)> lists, IEnumerable<(string Id, string Name)> segments, IEnumerable<(string Id, string Name)> groups)
    {
        _lists = lists.ToList();
        _segments = segments.ToList();
        _groups = groups.ToList();
    }

    /// <summary>Reads the team's lists, segments and groups (every page).</summary>
    public static async Task<LoopsNames> ReadAsync(LoopsClient client, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LoopsMailingList> lists = await client.GetMailingListsAsync(cancellationToken).ConfigureAwait(false);
        var segments = await All(client.GetAudienceSegmentPageAsync, cancellationToken).ConfigureAwait(false);
        var groups = await All(client.GetCampaignGroupPageAsync, cancellationToken).ConfigureAwait(false);
        return new LoopsNames(lists.Select(l => (l.Id, l.Name)), segments.Select(s => (s.Id, s.Name)), groups.Select(g => (g.Id, g.Name)));
    }

    private static async Task<List<T>> All<T>(Func<string?, int?, CancellationToken, Task<CursorPage<T>>> page, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            CursorPage<T> next = await page(cursor, null, cancellationToken).ConfigureAwait(false);
            all.AddRange(next.Items);
            cursor = next.Items.Count == 0 ? null : next.NextCursor;
        }
        while (cursor != null);
        return all;
    }

    internal string? ListName(string? id) => Name(_lists, id);

    internal string? SegmentName(string? id) => Name(_segments, id);

    internal string? GroupName(string? id) => Name(_groups, id);

    internal string ListId(string name, string path) => Id(_lists, name, path, "mailing list", "Get-LoopsMailingList");

    internal string SegmentId(string name, string path) => Id(_segments, name, path, "audience segment", "Get-LoopsAudienceSegment");

    internal string GroupId(string name, string path) => Id(_groups, name, path, "campaign group", "Get-LoopsCampaignGroup");

    // An id the lookup does not know is written as it is, so nothing is lost.
    private static string? Name(IReadOnlyList<(string Id, string Name)> items, string? id) =>
        string.IsNullOrEmpty(id) ? null : items.Where(i => i.Id == id).Select(i => i.Name).DefaultIfEmpty(id!).First();

    private static string Id(IReadOnlyList<(string Id, string Name)> items, string name, string path, string what, string cmdlet)
    {
        var matches = items.Where(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0].Id;
        }

        if (matches.Count == 0 && items.Any(i => i.Id == name))
        {
            return name;
        }

        throw LoopsDefinitionJson.Fail(path, matches.Count == 0
            ? $"{path} is '{name}', which is not a {what} of this team. Give one of: {string.Join(", ", items.Select(i => "'" + i.Name + "'"))} ({cmdlet} lists them)."
            : $"{path} is '{name}', and the team has {matches.Count} {what}s of that name. Give the id instead ({cmdlet} lists them).");
    }
}

/// <summary>One difference between a Loops definition and the live campaign (Sync-LoopsCampaign -WhatIf).</summary>
public sealed class LoopsPlanStep
{
    /// <summary>Position in the plan, from 1.</summary>
    public int Step { get; internal set; }

    /// <summary>Create or Set.</summary>
    public string Action { get; internal set; } = string.Empty;

    /// <summary>Where in the definition, e.g. $.emailMessage.subject.</summary>
    public string Path { get; internal set; } = string.Empty;

    /// <summary>The campaign's value now.</summary>
    public string? Old { get; internal set; }

    /// <summary>The definition's value.</summary>
    public string? New { get; internal set; }

    /// <summary>The request that carries it.</summary>
    public string Request { get; internal set; } = string.Empty;

    /// <summary>The campaign; null while it is still to be created.</summary>
    public string? CampaignId { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Step}. {Action} {Path}: {Old ?? "(none)"} -> {New ?? "(none)"}";
}

/// <summary>What syncing a Loops definition does: a create (or not), then a campaign update and an email message update.</summary>
public sealed class LoopsCampaignPlan
{
    internal LoopsCampaignPlan(string? campaignId, NewLoopsCampaign? create, LoopsCampaignChanges? campaignChanges, LoopsEmailMessageChanges? messageChanges, IReadOnlyList<LoopsPlanStep> steps)
    {
        CampaignId = campaignId;
        Create = create;
        CampaignChanges = campaignChanges;
        MessageChanges = messageChanges;
        Steps = steps;
    }

    /// <summary>The campaign to update; null when the plan creates one.</summary>
    public string? CampaignId { get; }

    /// <summary>The campaign to create, or null.</summary>
    public NewLoopsCampaign? Create { get; }

    /// <summary>The campaign update (POST /campaigns/{id}), or null.</summary>
    public LoopsCampaignChanges? CampaignChanges { get; }

    /// <summary>The email message update (POST /email-messages/{id}), or null.</summary>
    public LoopsEmailMessageChanges? MessageChanges { get; }

    /// <summary>Every step, numbered from 1.</summary>
    public IReadOnlyList<LoopsPlanStep> Steps { get; }

    /// <summary>True when the campaign already matches.</summary>
    public bool IsEmpty => Steps.Count == 0;

    /// <summary>Runs each request's Validate before anything is sent; a failure names the definition's section.</summary>
    public void Validate(DateTimeOffset now)
    {
        Check("$", () => Create?.Validate());
        Check("$", () => CampaignChanges?.Validate(now));
        Check("$.emailMessage", () => MessageChanges?.Validate());
    }

    private static void Check(string section, Action validate)
    {
        try
        {
            validate();
        }
        catch (InputValidationException e) when (e.ErrorId != LoopsDefinitionJson.ErrorId)
        {
            throw LoopsDefinitionJson.Fail(section, $"{section}: {e.Message} Correct the definition file.");
        }
    }
}

/// <summary>The pure differ for Loops definitions (names already resolved to ids with <see cref="LoopsNames"/>).</summary>
public static class LoopsCampaignDiffer
{
    /// <summary>The plan that makes <paramref name="current"/> (null: no campaign yet) match <paramref name="desired"/>.</summary>
    public static LoopsCampaignPlan Plan(LoopsCampaignDefinition desired, LoopsCampaignDefinition? current, string? campaignId, LoopsNames names)
    {
        if (desired == null || names == null)
        {
            throw new ArgumentNullException(desired == null ? nameof(desired) : nameof(names));
        }

        var steps = new List<LoopsPlanStep>();
        NewLoopsCampaign? create = null;
        LoopsCampaignChanges? changes = null;
        LoopsAudienceFilter? filter = desired.AudienceFilter == null ? null : Filter(desired.AudienceFilter);
        if (current == null)
        {
            create = new NewLoopsCampaign
            {
                Name = desired.Name,
                MailingListId = desired.MailingList == null ? null : names.ListId(desired.MailingList, "$.mailingList"),
                AudienceSegmentId = desired.AudienceSegment == null ? null : names.SegmentId(desired.AudienceSegment, "$.audienceSegment"),
                AudienceFilter = filter,
                CampaignGroupId = desired.CampaignGroup == null ? null : names.GroupId(desired.CampaignGroup, "$.campaignGroup"),
            };
            const string request = "create campaign";
            steps.Add(new LoopsPlanStep { Action = "Create", Path = "$", New = desired.Name, Request = request });
            Set(steps, "$.mailingList", desired.MailingList, null, request);
            Set(steps, "$.audienceSegment", desired.AudienceSegment, null, request);
            Set(steps, "$.audienceFilter", desired.AudienceFilter == null ? null : LoopsDefinitionJson.Compact(desired.AudienceFilter), null, request);
            Set(steps, "$.campaignGroup", desired.CampaignGroup, null, request);
        }
        else
        {
            const string request = "update campaign";
            var update = new LoopsCampaignChanges();
            if (Set(steps, "$.name", desired.Name, current.Name, request))
            {
                update.Name = desired.Name;
            }

            if (Set(steps, "$.mailingList", desired.MailingList, current.MailingList, request))
            {
                update.MailingListId = names.ListId(desired.MailingList!, "$.mailingList");
            }

            bool segment = Set(steps, "$.audienceSegment", desired.AudienceSegment, current.AudienceSegment, request);
            bool filtered = Set(steps, "$.audienceFilter", desired.AudienceFilter == null ? null : LoopsDefinitionJson.Compact(desired.AudienceFilter), current.AudienceFilter, request);
            if (segment || filtered)
            {
                // A segment alone clears the filter (DESIGN.md): the two go together.
                update.AudienceSegmentId = desired.AudienceSegment == null ? null : names.SegmentId(desired.AudienceSegment, "$.audienceSegment");
                update.AudienceFilter = filter;
            }

            if (Set(steps, "$.campaignGroup", desired.CampaignGroup, current.CampaignGroup, request))
            {
                update.CampaignGroupId = names.GroupId(desired.CampaignGroup!, "$.campaignGroup");
            }

            changes = steps.Count > 0 ? update : null;
        }

        LoopsEmailMessageChanges? message = null;
        if (desired.EmailMessage != null)
        {
            const string request = "update email message";
            LoopsDefinitionEmailMessage want = desired.EmailMessage;
            LoopsDefinitionEmailMessage? have = current?.EmailMessage;
            var update = new LoopsEmailMessageChanges();
            int before = steps.Count;
            if (Set(steps, "$.emailMessage.subject", want.Subject, have?.Subject, request)) { update.Subject = want.Subject; }
            if (Set(steps, "$.emailMessage.previewText", want.PreviewText, have?.PreviewText, request)) { update.PreviewText = want.PreviewText; }
            if (Set(steps, "$.emailMessage.fromName", want.FromName, have?.FromName, request)) { update.FromName = want.FromName; }
            if (Set(steps, "$.emailMessage.fromEmail", want.FromEmail, have?.FromEmail, request)) { update.FromEmail = want.FromEmail; }
            if (Set(steps, "$.emailMessage.replyToEmail", want.ReplyToEmail, have?.ReplyToEmail, request)) { update.ReplyToEmail = want.ReplyToEmail; }
            if (Set(steps, "$.emailMessage.lmx", want.Lmx, have?.Lmx, request)) { update.Lmx = want.Lmx; }
            message = steps.Count > before ? update : null;
        }

        for (int i = 0; i < steps.Count; i++)
        {
            steps[i].Step = i + 1;
            steps[i].CampaignId = campaignId;
        }

        return new LoopsCampaignPlan(campaignId, create, changes, message, steps);
    }

    private static bool Set(List<LoopsPlanStep> steps, string path, string? desired, string? current, string request)
    {
        if (desired == null || string.Equals(desired, current, StringComparison.Ordinal))
        {
            return false;
        }

        steps.Add(new LoopsPlanStep { Action = "Set", Path = path, Old = current, New = desired, Request = request });
        return true;
    }

    private static LoopsAudienceFilter Filter(string json)
    {
        try
        {
            return LoopsAudienceFilter.FromJson(json);
        }
        catch (InputValidationException e)
        {
            throw LoopsDefinitionJson.Fail("$.audienceFilter", $"$.audienceFilter: {e.Message}");
        }
    }
}

/// <summary>The Loops definition file: written in a fixed order, read strictly with JSON paths in every error.</summary>
internal static class LoopsDefinitionJson
{
    public const string ErrorId = "LoopsDefinitionInvalid";

    private static readonly string[] RootKeys = { "$schema", "kind", "schemaVersion", "name", "mailingList", "audienceSegment", "audienceFilter", "campaignGroup", "emailMessage" };
    private static readonly string[] MessageKeys = { "subject", "previewText", "fromName", "fromEmail", "replyToEmail", "lmx" };

    public static string Write(LoopsCampaignDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", LoopsCampaignDefinition.DefinitionKind);
            writer.WriteNumber("schemaVersion", LoopsCampaignDefinition.CurrentSchemaVersion);
            writer.WriteString("name", definition.Name);
            Text(writer, "mailingList", definition.MailingList);
            Text(writer, "audienceSegment", definition.AudienceSegment);
            writer.WritePropertyName("audienceFilter");
            if (definition.AudienceFilter == null)
            {
                writer.WriteNullValue();
            }
            else
            {
                using JsonDocument filter = JsonDocument.Parse(definition.AudienceFilter);
                filter.RootElement.WriteTo(writer);
            }

            Text(writer, "campaignGroup", definition.CampaignGroup);
            if (definition.EmailMessage == null)
            {
                writer.WriteNull("emailMessage");
            }
            else
            {
                LoopsDefinitionEmailMessage m = definition.EmailMessage;
                writer.WriteStartObject("emailMessage");
                Text(writer, "subject", m.Subject);
                Text(writer, "previewText", m.PreviewText);
                Text(writer, "fromName", m.FromName);
                Text(writer, "fromEmail", m.FromEmail);
                Text(writer, "replyToEmail", m.ReplyToEmail);
                Text(writer, "lmx", m.Lmx);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value == null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static string Compact(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.GetRawText().Length == 0 ? json : JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static LoopsCampaignDefinition Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw Fail("$", $"The definition is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}). Correct the JSON, or export the campaign again with Export-LoopsCampaign.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("$", "The definition is not a JSON object. A definition starts with { \"kind\": \"LoopsCampaign\", \"schemaVersion\": 1, \"name\": \"...\" }.");
            }

            string kind = String(root, "$", "kind", required: true)!;
            if (kind != LoopsCampaignDefinition.DefinitionKind)
            {
                throw Fail("$.kind", $"$.kind is '{kind}': this is not a Loops campaign definition. Sync-LoopsCampaign reads \"kind\": \"LoopsCampaign\" (a SmartleadCampaign definition belongs to Smartlead).");
            }

            if (!root.TryGetProperty("schemaVersion", out JsonElement version) || version.ValueKind == JsonValueKind.Null)
            {
                throw Fail("$.schemaVersion", "$.schemaVersion is missing. Add \"schemaVersion\": 1.");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number))
            {
                throw Fail("$.schemaVersion", $"$.schemaVersion is {version.GetRawText()}; expected a whole number without quotes.");
            }

            if (number != LoopsCampaignDefinition.CurrentSchemaVersion)
            {
                throw Fail("$.schemaVersion", $"$.schemaVersion is {number}; this module reads schemaVersion 1. Use a module version that knows it, or export the campaign again with this one.");
            }

            Keys(root, "$", RootKeys);
            var definition = new LoopsCampaignDefinition
            {
                Name = String(root, "$", "name", required: true)!,
                MailingList = String(root, "$", "mailingList"),
                AudienceSegment = String(root, "$", "audienceSegment"),
                CampaignGroup = String(root, "$", "campaignGroup"),
            };
            if (string.IsNullOrWhiteSpace(definition.Name))
            {
                throw Fail("$.name", "$.name is empty. Give the campaign a name, e.g. \"name\": \"Spring announcement\".");
            }

            if (root.TryGetProperty("audienceFilter", out JsonElement filter) && filter.ValueKind != JsonValueKind.Null)
            {
                if (filter.ValueKind != JsonValueKind.Object)
                {
                    throw Fail("$.audienceFilter", "$.audienceFilter is not an object; expected { \"match\": \"all\", \"conditions\": [...] }, or null to leave it alone.");
                }

                definition.AudienceFilter = JsonSerializer.Serialize(filter);
            }

            if (root.TryGetProperty("emailMessage", out JsonElement message) && message.ValueKind != JsonValueKind.Null)
            {
                if (message.ValueKind != JsonValueKind.Object)
                {
                    throw Fail("$.emailMessage", "$.emailMessage is not an object; expected { \"subject\": \"...\", \"lmx\": \"...\" }, or null to leave it alone.");
                }

                Keys(message, "$.emailMessage", MessageKeys);
                definition.EmailMessage = new LoopsDefinitionEmailMessage
                {
                    Subject = String(message, "$.emailMessage", "subject"),
                    PreviewText = String(message, "$.emailMessage", "previewText"),
                    FromName = String(message, "$.emailMessage", "fromName"),
                    FromEmail = String(message, "$.emailMessage", "fromEmail"),
                    ReplyToEmail = String(message, "$.emailMessage", "replyToEmail"),
                    Lmx = String(message, "$.emailMessage", "lmx"),
                };
            }

            return definition;
        }
    }

    private static void Keys(JsonElement element, string path, string[] known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                string? near = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                throw Fail($"{path}.{property.Name}", $"{path}.{property.Name} is not a key of schemaVersion 1.{(near != null ? $" Did you mean '{near}'?" : string.Empty)} The keys here are: {string.Join(", ", known.Where(k => k != "$schema"))}.");
            }
        }
    }

    private static string? String(JsonElement parent, string path, string name, bool required = false)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Fail($"{path}.{name}", $"{path}.{name} is missing. Add it, e.g. \"{name}\": \"...\".") : null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Fail($"{path}.{name}", $"{path}.{name} is {(value.ValueKind == JsonValueKind.Number ? "the number " + value.GetRawText() : "not text")}; expected text in quotes{(required ? string.Empty : ", or null")}.");
    }

    internal static InputValidationException Fail(string path, string message) => new InputValidationException(ErrorId, path, message);
}
