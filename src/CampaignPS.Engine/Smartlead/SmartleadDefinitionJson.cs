using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// The definition file format (schemaVersion 1). Written with two-space indentation, \n line ends and every key in a
/// fixed order, so two exports diff line by line; read strictly: an unknown key, a wrong type, a missing required field,
/// another kind or schema version is an InputValidationException (SmartleadDefinitionInvalid) whose Field is the JSON
/// path and whose message says what to write instead. Comments and trailing commas are allowed on reading (people edit it).
/// </summary>
internal static class SmartleadDefinitionJson
{
    public const string ErrorId = "SmartleadDefinitionInvalid";

    private static readonly string[] RootKeys = { "$schema", "kind", "schemaVersion", "name", "clientId", "settings", "schedule", "sequence", "emailAccountIds", "webhooks" };
    private static readonly string[] SettingsKeys = { "trackOpens", "trackClicks", "trackReplies", "stopLeadOn", "unsubscribeText", "plainText", "followUpPercentage", "maxLeadsPerDay", "aiEspMatching", "vocabulary" };
    private static readonly string[] ScheduleKeys = { "timeZone", "days", "startHour", "endHour", "minTimeBetweenEmails" };
    private static readonly string[] StepKeys = { "subject", "body", "delayDays", "variants" };
    private static readonly string[] VariantKeys = { "label", "subject", "body", "distribution" };
    private static readonly string[] WebhookKeys = { "name", "url", "eventTypes" };

    public static string Write(SmartleadCampaignDefinition definition)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps HTML bodies and non-ASCII text readable in the file (it is never embedded in a page).
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", SmartleadCampaignDefinition.DefinitionKind);
            writer.WriteNumber("schemaVersion", SmartleadCampaignDefinition.CurrentSchemaVersion);
            writer.WriteString("name", definition.Name);
            if (definition.ClientId.HasValue)
            {
                writer.WriteNumber("clientId", definition.ClientId.Value);
            }

            WriteSettings(writer, definition.Settings);
            WriteSchedule(writer, definition.Schedule);
            WriteSequence(writer, definition.Sequence);
            if (definition.EmailAccountIds == null)
            {
                writer.WriteNull("emailAccountIds");
            }
            else
            {
                writer.WriteStartArray("emailAccountIds");
                foreach (long id in definition.EmailAccountIds)
                {
                    writer.WriteNumberValue(id);
                }

                writer.WriteEndArray();
            }

            WriteWebhooks(writer, definition.Webhooks);
            writer.WriteEndObject();
        }

        // Utf8JsonWriter ends lines with Environment.NewLine: the file uses \n on every system, so diffs stay clean.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteSettings(Utf8JsonWriter writer, SmartleadDefinitionSettings? settings)
    {
        if (settings == null)
        {
            writer.WriteNull("settings");
            return;
        }

        writer.WriteStartObject("settings");
        Bool(writer, "trackOpens", settings.TrackOpens);
        Bool(writer, "trackClicks", settings.TrackClicks);
        Bool(writer, "trackReplies", settings.TrackReplies);
        Text(writer, "stopLeadOn", settings.StopLeadOn?.ToString());
        Text(writer, "unsubscribeText", settings.UnsubscribeText);
        Bool(writer, "plainText", settings.PlainText);
        Number(writer, "followUpPercentage", settings.FollowUpPercentage);
        Number(writer, "maxLeadsPerDay", settings.MaxLeadsPerDay);
        Bool(writer, "aiEspMatching", settings.AiEspMatching);
        writer.WriteString("vocabulary", settings.Vocabulary.ToString());
        writer.WriteEndObject();
    }

    private static void WriteSchedule(Utf8JsonWriter writer, SmartleadDefinitionSchedule? schedule)
    {
        if (schedule == null)
        {
            writer.WriteNull("schedule");
            return;
        }

        writer.WriteStartObject("schedule");
        writer.WriteString("timeZone", schedule.TimeZone);
        writer.WriteStartArray("days");
        foreach (DayOfWeek day in schedule.Days)
        {
            writer.WriteStringValue(day.ToString());
        }

        writer.WriteEndArray();
        writer.WriteNumber("startHour", schedule.StartHour);
        writer.WriteNumber("endHour", schedule.EndHour);
        Number(writer, "minTimeBetweenEmails", schedule.MinTimeBetweenEmails);
        writer.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter writer, IReadOnlyList<SmartleadDefinitionStep>? steps)
    {
        if (steps == null)
        {
            writer.WriteNull("sequence");
            return;
        }

        writer.WriteStartArray("sequence");
        foreach (SmartleadDefinitionStep step in steps)
        {
            writer.WriteStartObject();
            writer.WriteString("subject", step.Subject);
            writer.WriteString("body", step.Body);
            writer.WriteNumber("delayDays", step.DelayDays);
            writer.WriteStartArray("variants");
            foreach (SmartleadDefinitionVariant variant in step.Variants)
            {
                writer.WriteStartObject();
                writer.WriteString("label", variant.Label);
                writer.WriteString("subject", variant.Subject);
                writer.WriteString("body", variant.Body);
                Number(writer, "distribution", variant.Distribution);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteWebhooks(Utf8JsonWriter writer, IReadOnlyList<SmartleadDefinitionWebhook>? webhooks)
    {
        if (webhooks == null)
        {
            writer.WriteNull("webhooks");
            return;
        }

        writer.WriteStartArray("webhooks");
        foreach (SmartleadDefinitionWebhook webhook in webhooks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", webhook.Name);
            writer.WriteString("url", webhook.Url);
            writer.WriteStartArray("eventTypes");
            foreach (SmartleadWebhookEvent type in webhook.EventTypes)
            {
                writer.WriteStringValue(type.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Bool(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, long? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.Value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value != null)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static SmartleadCampaignDefinition Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber.HasValue ? $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}" : "the file";
            throw Fail("$", $"The definition is not valid JSON ({where}): {FirstSentence(e.Message)} Correct the JSON, or export the campaign again with Export-SmartleadCampaign.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("$", $"The definition is {Describe(root)}, not a JSON object. A definition starts with {{ \"kind\": \"SmartleadCampaign\", \"schemaVersion\": 1, \"name\": \"...\" }}.");
            }

            // kind and schemaVersion first: another kind of file is named as such, not by its first unknown key.
            string kind = RequiredString(root, "$", "kind", "\"kind\": \"SmartleadCampaign\"");
            if (!string.Equals(kind, SmartleadCampaignDefinition.DefinitionKind, StringComparison.Ordinal))
            {
                throw Fail("$.kind", $"$.kind is '{kind}': this is not a Smartlead campaign definition. Sync-SmartleadCampaign reads \"kind\": \"SmartleadCampaign\" (a LoopsCampaign definition belongs to Loops).");
            }

            if (!root.TryGetProperty("schemaVersion", out JsonElement version) || version.ValueKind == JsonValueKind.Null)
            {
                throw Fail("$.schemaVersion", "$.schemaVersion is missing. Add \"schemaVersion\": 1.");
            }

            int schemaVersion = Int(version, "$.schemaVersion");
            if (schemaVersion != SmartleadCampaignDefinition.CurrentSchemaVersion)
            {
                throw Fail("$.schemaVersion", $"$.schemaVersion is {schemaVersion}; this module reads schemaVersion {SmartleadCampaignDefinition.CurrentSchemaVersion}. Use a module version that knows it, or export the campaign again with this one.");
            }

            CheckKeys(root, "$", RootKeys);
            var definition = new SmartleadCampaignDefinition
            {
                Name = RequiredString(root, "$", "name", "\"name\": \"Q1 CFO outreach\""),
                ClientId = OptionalLong(root, "$", "clientId"),
            };
            if (string.IsNullOrWhiteSpace(definition.Name))
            {
                throw Fail("$.name", "$.name is empty. Give the campaign a name, e.g. \"name\": \"Q1 CFO outreach\".");
            }

            if (Section(root, "settings", JsonValueKind.Object, out JsonElement settings))
            {
                definition.Settings = ReadSettings(settings, "$.settings");
            }

            if (Section(root, "schedule", JsonValueKind.Object, out JsonElement schedule))
            {
                definition.Schedule = ReadSchedule(schedule, "$.schedule");
            }

            if (Section(root, "sequence", JsonValueKind.Array, out JsonElement sequence))
            {
                definition.Sequence = sequence.EnumerateArray().Select((step, i) => ReadStep(step, $"$.sequence[{i}]")).ToList();
            }

            if (Section(root, "emailAccountIds", JsonValueKind.Array, out JsonElement accounts))
            {
                definition.EmailAccountIds = accounts.EnumerateArray().Select((id, i) => Long(id, $"$.emailAccountIds[{i}]")).ToList();
            }

            if (Section(root, "webhooks", JsonValueKind.Array, out JsonElement webhooks))
            {
                var list = webhooks.EnumerateArray().Select((webhook, i) => ReadWebhook(webhook, $"$.webhooks[{i}]")).ToList();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < list.Count; i++)
                {
                    if (!seen.Add(list[i].Name))
                    {
                        throw Fail($"$.webhooks[{i}].name", $"$.webhooks[{i}].name '{list[i].Name}' is given twice. Webhooks are matched by name: give each its own.");
                    }
                }

                definition.Webhooks = list;
            }

            return definition;
        }
    }

    private static SmartleadDefinitionSettings ReadSettings(JsonElement element, string path)
    {
        CheckKeys(element, path, SettingsKeys);
        return new SmartleadDefinitionSettings
        {
            TrackOpens = OptionalBool(element, path, "trackOpens"),
            TrackClicks = OptionalBool(element, path, "trackClicks"),
            TrackReplies = OptionalBool(element, path, "trackReplies"),
            StopLeadOn = OptionalEnum<SmartleadStopCondition>(element, path, "stopLeadOn"),
            UnsubscribeText = OptionalString(element, path, "unsubscribeText"),
            PlainText = OptionalBool(element, path, "plainText"),
            FollowUpPercentage = OptionalInt(element, path, "followUpPercentage"),
            MaxLeadsPerDay = OptionalInt(element, path, "maxLeadsPerDay"),
            AiEspMatching = OptionalBool(element, path, "aiEspMatching"),
            Vocabulary = OptionalEnum<SmartleadVocabulary>(element, path, "vocabulary") ?? SmartleadVocabulary.ApiReference,
        };
    }

    private static SmartleadDefinitionSchedule ReadSchedule(JsonElement element, string path)
    {
        CheckKeys(element, path, ScheduleKeys);
        JsonElement days = Required(element, path, "days", "\"days\": [\"Monday\", \"Tuesday\"]");
        if (days.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(days, path + ".days", "a list of day names, e.g. [\"Monday\", \"Tuesday\"]");
        }

        return new SmartleadDefinitionSchedule
        {
            TimeZone = RequiredString(element, path, "timeZone", "\"timeZone\": \"America/New_York\""),
            Days = days.EnumerateArray().Select((day, i) => Enum<DayOfWeek>(day, $"{path}.days[{i}]")).ToList(),
            StartHour = Int(Required(element, path, "startHour", "\"startHour\": 9"), path + ".startHour"),
            EndHour = Int(Required(element, path, "endHour", "\"endHour\": 17"), path + ".endHour"),
            MinTimeBetweenEmails = OptionalInt(element, path, "minTimeBetweenEmails"),
        };
    }

    private static SmartleadDefinitionStep ReadStep(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(element, path, "a step object, e.g. { \"subject\": \"Quick question\", \"body\": \"Hi {{first_name}}\", \"delayDays\": 0, \"variants\": [] }");
        }

        CheckKeys(element, path, StepKeys);
        var step = new SmartleadDefinitionStep
        {
            Subject = OptionalString(element, path, "subject") ?? string.Empty,
            Body = RequiredString(element, path, "body", "\"body\": \"Hi {{first_name}}\""),
            DelayDays = OptionalInt(element, path, "delayDays") ?? 0,
        };
        if (Section(element, "variants", JsonValueKind.Array, out JsonElement variants, path))
        {
            step.Variants = variants.EnumerateArray().Select((variant, i) => ReadVariant(variant, $"{path}.variants[{i}]")).ToList();
        }

        return step;
    }

    private static SmartleadDefinitionVariant ReadVariant(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(element, path, "a variant object, e.g. { \"label\": \"B\", \"subject\": \"\", \"body\": \"Other text\", \"distribution\": 50 }");
        }

        CheckKeys(element, path, VariantKeys);
        return new SmartleadDefinitionVariant
        {
            Label = OptionalString(element, path, "label") ?? string.Empty,
            Subject = OptionalString(element, path, "subject") ?? string.Empty,
            Body = RequiredString(element, path, "body", "\"body\": \"Other text\""),
            Distribution = OptionalInt(element, path, "distribution"),
        };
    }

    private static SmartleadDefinitionWebhook ReadWebhook(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(element, path, "a webhook object, e.g. { \"name\": \"Replies\", \"url\": \"https://hooks.example.com/smartlead\", \"eventTypes\": [\"Replied\"] }");
        }

        CheckKeys(element, path, WebhookKeys);
        JsonElement events = Required(element, path, "eventTypes", "\"eventTypes\": [\"Replied\"]");
        if (events.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(events, path + ".eventTypes", "a list of event names, e.g. [\"Replied\", \"Bounced\"]");
        }

        return new SmartleadDefinitionWebhook
        {
            Name = RequiredString(element, path, "name", "\"name\": \"Replies\""),
            Url = RequiredString(element, path, "url", "\"url\": \"https://hooks.example.com/smartlead\""),
            EventTypes = events.EnumerateArray().Select((e, i) => Enum<SmartleadWebhookEvent>(e, $"{path}.eventTypes[{i}]")).ToList(),
        };
    }

    private static void CheckKeys(JsonElement element, string path, string[] known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                string? near = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k, property.Name + "s", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k + "s", property.Name, StringComparison.OrdinalIgnoreCase));
                string hint = near != null ? $" Did you mean '{near}'?" : string.Empty;
                throw Fail($"{path}.{property.Name}", $"{path}.{property.Name} is not a key of schemaVersion 1.{hint} The keys here are: {string.Join(", ", known.Where(k => k != "$schema"))}.");
            }
        }
    }

    // A section that is missing or null is not managed; one of another type is an error.
    private static bool Section(JsonElement parent, string name, JsonValueKind kind, out JsonElement value, string path = "$")
    {
        if (!parent.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind != kind)
        {
            throw WrongType(value, $"{path}.{name}", kind == JsonValueKind.Array ? "a list ([...]), or null to leave it alone" : "an object ({...}), or null to leave it alone");
        }

        return true;
    }

    private static JsonElement Required(JsonElement parent, string path, string name, string example)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Fail($"{path}.{name}", $"{path}.{name} is missing. Add it, e.g. {example}.");
        }

        return value;
    }

    private static string RequiredString(JsonElement parent, string path, string name, string example)
    {
        JsonElement value = Required(parent, path, name, example);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(value, $"{path}.{name}", $"text in quotes, e.g. {example}");
    }

    private static string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(value, $"{path}.{name}", "text in quotes, or null");
    }

    private static bool? OptionalBool(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(value, $"{path}.{name}", "true, false or null (without quotes)"),
        };
    }

    private static int? OptionalInt(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Int(value, $"{path}.{name}") : null;

    private static long? OptionalLong(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Long(value, $"{path}.{name}") : null;

    private static T? OptionalEnum<T>(JsonElement parent, string path, string name)
        where T : struct, System.Enum =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Enum<T>(value, $"{path}.{name}") : null;

    private static int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw WrongType(value, path, "a whole number without quotes");

    private static long Long(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw WrongType(value, path, "a whole number without quotes (an id)");

    private static T Enum<T>(JsonElement value, string path)
        where T : struct, System.Enum
    {
        string names = string.Join(", ", System.Enum.GetNames(typeof(T)));
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text == null)
        {
            throw WrongType(value, path, $"one of these names in quotes: {names}");
        }

        // Names only: Enum.TryParse would also take "3".
        string? match = System.Enum.GetNames(typeof(T)).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match != null
            ? (T)System.Enum.Parse(typeof(T), match)
            : throw Fail(path, $"{path} is '{text}', which is not one of: {names}.");
    }

    private static InputValidationException WrongType(JsonElement value, string path, string expected) =>
        Fail(path, $"{path} is {Describe(value)}; expected {expected}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString())}\"",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "the boolean " + value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string? text) =>
        text == null ? string.Empty : text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end + 1) : message).Trim();
    }

    internal static InputValidationException Fail(string path, string message) =>
        new InputValidationException(ErrorId, path, message.ToString(CultureInfo.InvariantCulture));
}
