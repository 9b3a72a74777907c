using System.Text.Json;
using CampaignPS.Engine.Definitions;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// The Smartlead definition file (schemaVersion 1): its keys and sections, written in a fixed order by
/// <see cref="DefinitionWriter"/> and read strictly by <see cref="DefinitionReader"/>, so every schema problem is
/// SmartleadDefinitionInvalid naming the JSON path and the fix.
/// </summary>
internal static class SmartleadDefinitionJson
{
    private static readonly string[] RootKeys = { "$schema", "kind", "schemaVersion", "name", "clientId", "settings", "schedule", "sequence", "emailAccountIds", "webhooks" };
    private static readonly string[] SettingsKeys = { "trackOpens", "trackClicks", "trackReplies", "stopLeadOn", "unsubscribeText", "plainText", "followUpPercentage", "maxLeadsPerDay", "aiEspMatching", "vocabulary" };
    private static readonly string[] ScheduleKeys = { "timeZone", "days", "startHour", "endHour", "minTimeBetweenEmails" };
    private static readonly string[] StepKeys = { "subject", "body", "delayDays", "variants" };
    private static readonly string[] VariantKeys = { "label", "subject", "body", "distribution" };
    private static readonly string[] WebhookKeys = { "name", "url", "eventTypes" };

    public static DefinitionSchema Schema { get; } = new DefinitionSchema("Smartlead", SmartleadCampaignDefinition.CurrentSchemaVersion, "Q1 CFO outreach");

    public static string ErrorId => Schema.ErrorId;

    private static DefinitionReader Reader { get; } = new DefinitionReader(Schema);

    public static string Write(SmartleadCampaignDefinition definition) => DefinitionWriter.Write(Schema, definition.Name, writer =>
    {
        if (definition.ClientId.HasValue)
        {
            writer.WriteNumber("clientId", definition.ClientId.Value);
        }

        writer.ObjectOrNull("settings", definition.Settings, WriteSettings);
        writer.ObjectOrNull("schedule", definition.Schedule, WriteSchedule);
        writer.ArrayOrNull("sequence", definition.Sequence, WriteStep);
        writer.ArrayOrNull("emailAccountIds", definition.EmailAccountIds, (w, id) => w.WriteNumberValue(id));
        writer.ArrayOrNull("webhooks", definition.Webhooks, WriteWebhook);
    });

    private static void WriteSettings(Utf8JsonWriter writer, SmartleadDefinitionSettings settings)
    {
        writer.BoolOrNull("trackOpens", settings.TrackOpens);
        writer.BoolOrNull("trackClicks", settings.TrackClicks);
        writer.BoolOrNull("trackReplies", settings.TrackReplies);
        writer.TextOrNull("stopLeadOn", settings.StopLeadOn?.ToString());
        writer.TextOrNull("unsubscribeText", settings.UnsubscribeText);
        writer.BoolOrNull("plainText", settings.PlainText);
        writer.NumberOrNull("followUpPercentage", settings.FollowUpPercentage);
        writer.NumberOrNull("maxLeadsPerDay", settings.MaxLeadsPerDay);
        writer.BoolOrNull("aiEspMatching", settings.AiEspMatching);
        writer.WriteString("vocabulary", settings.Vocabulary.ToString());
    }

    private static void WriteSchedule(Utf8JsonWriter writer, SmartleadDefinitionSchedule schedule)
    {
        writer.WriteString("timeZone", schedule.TimeZone);
        writer.ArrayOrNull("days", schedule.Days, (w, day) => w.WriteStringValue(day.ToString()));
        writer.WriteNumber("startHour", schedule.StartHour);
        writer.WriteNumber("endHour", schedule.EndHour);
        writer.NumberOrNull("minTimeBetweenEmails", schedule.MinTimeBetweenEmails);
    }

    private static void WriteStep(Utf8JsonWriter writer, SmartleadDefinitionStep step)
    {
        writer.WriteStartObject();
        writer.WriteString("subject", step.Subject);
        writer.WriteString("body", step.Body);
        writer.WriteNumber("delayDays", step.DelayDays);
        writer.ArrayOrNull("variants", step.Variants, (w, variant) =>
        {
            w.WriteStartObject();
            w.WriteString("label", variant.Label);
            w.WriteString("subject", variant.Subject);
            w.WriteString("body", variant.Body);
            w.NumberOrNull("distribution", variant.Distribution);
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    }

    private static void WriteWebhook(Utf8JsonWriter writer, SmartleadDefinitionWebhook webhook)
    {
        writer.WriteStartObject();
        writer.WriteString("name", webhook.Name);
        writer.WriteString("url", webhook.Url);
        writer.ArrayOrNull("eventTypes", webhook.EventTypes, (w, type) => w.WriteStringValue(type.ToString()));
        writer.WriteEndObject();
    }

    public static SmartleadCampaignDefinition Read(string json)
    {
        using (JsonDocument document = Reader.Open(json, out string name))
        {
            JsonElement root = document.RootElement;
            Reader.CheckKeys(root, "$", RootKeys);
            var definition = new SmartleadCampaignDefinition
            {
                Name = name,
                ClientId = Reader.OptionalLong(root, "$", "clientId"),
            };

            if (Reader.Section(root, "settings", JsonValueKind.Object, out JsonElement settings))
            {
                definition.Settings = ReadSettings(settings, "$.settings");
            }

            if (Reader.Section(root, "schedule", JsonValueKind.Object, out JsonElement schedule))
            {
                definition.Schedule = ReadSchedule(schedule, "$.schedule");
            }

            if (Reader.Section(root, "sequence", JsonValueKind.Array, out JsonElement sequence))
            {
                definition.Sequence = sequence.EnumerateArray().Select((step, i) => ReadStep(step, $"$.sequence[{i}]")).ToList();
            }

            if (Reader.Section(root, "emailAccountIds", JsonValueKind.Array, out JsonElement accounts))
            {
                definition.EmailAccountIds = accounts.EnumerateArray().Select((id, i) => Reader.Long(id, $"$.emailAccountIds[{i}]")).ToList();
            }

            if (Reader.Section(root, "webhooks", JsonValueKind.Array, out JsonElement webhooks))
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
        Reader.CheckKeys(element, path, SettingsKeys);
        return new SmartleadDefinitionSettings
        {
            TrackOpens = Reader.OptionalBool(element, path, "trackOpens"),
            TrackClicks = Reader.OptionalBool(element, path, "trackClicks"),
            TrackReplies = Reader.OptionalBool(element, path, "trackReplies"),
            StopLeadOn = Reader.OptionalEnum<SmartleadStopCondition>(element, path, "stopLeadOn"),
            UnsubscribeText = Reader.OptionalString(element, path, "unsubscribeText"),
            PlainText = Reader.OptionalBool(element, path, "plainText"),
            FollowUpPercentage = Reader.OptionalInt(element, path, "followUpPercentage"),
            MaxLeadsPerDay = Reader.OptionalInt(element, path, "maxLeadsPerDay"),
            AiEspMatching = Reader.OptionalBool(element, path, "aiEspMatching"),
            Vocabulary = Reader.OptionalEnum<SmartleadVocabulary>(element, path, "vocabulary") ?? SmartleadVocabulary.ApiReference,
        };
    }

    private static SmartleadDefinitionSchedule ReadSchedule(JsonElement element, string path)
    {
        Reader.CheckKeys(element, path, ScheduleKeys);
        JsonElement days = Reader.Required(element, path, "days", "\"days\": [\"Monday\", \"Tuesday\"]");
        if (days.ValueKind != JsonValueKind.Array)
        {
            throw Reader.WrongType(days, path + ".days", "a list of day names, e.g. [\"Monday\", \"Tuesday\"]");
        }

        return new SmartleadDefinitionSchedule
        {
            TimeZone = Reader.RequiredString(element, path, "timeZone", "\"timeZone\": \"America/New_York\""),
            Days = days.EnumerateArray().Select((day, i) => Reader.Enum<DayOfWeek>(day, $"{path}.days[{i}]")).ToList(),
            StartHour = Reader.Int(Reader.Required(element, path, "startHour", "\"startHour\": 9"), path + ".startHour"),
            EndHour = Reader.Int(Reader.Required(element, path, "endHour", "\"endHour\": 17"), path + ".endHour"),
            MinTimeBetweenEmails = Reader.OptionalInt(element, path, "minTimeBetweenEmails"),
        };
    }

    private static SmartleadDefinitionStep ReadStep(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Reader.WrongType(element, path, "a step object, e.g. { \"subject\": \"Quick question\", \"body\": \"Hi {{first_name}}\", \"delayDays\": 0, \"variants\": [] }");
        }

        Reader.CheckKeys(element, path, StepKeys);
        var step = new SmartleadDefinitionStep
        {
            Subject = Reader.OptionalString(element, path, "subject") ?? string.Empty,
            Body = Reader.RequiredString(element, path, "body", "\"body\": \"Hi {{first_name}}\""),
            DelayDays = Reader.OptionalInt(element, path, "delayDays") ?? 0,
        };
        if (Reader.Section(element, "variants", JsonValueKind.Array, out JsonElement variants, path))
        {
            step.Variants = variants.EnumerateArray().Select((variant, i) => ReadVariant(variant, $"{path}.variants[{i}]")).ToList();
        }

        return step;
    }

    private static SmartleadDefinitionVariant ReadVariant(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Reader.WrongType(element, path, "a variant object, e.g. { \"label\": \"B\", \"subject\": \"\", \"body\": \"Other text\", \"distribution\": 50 }");
        }

        Reader.CheckKeys(element, path, VariantKeys);
        return new SmartleadDefinitionVariant
        {
            Label = Reader.OptionalString(element, path, "label") ?? string.Empty,
            Subject = Reader.OptionalString(element, path, "subject") ?? string.Empty,
            Body = Reader.RequiredString(element, path, "body", "\"body\": \"Other text\""),
            Distribution = Reader.OptionalInt(element, path, "distribution"),
        };
    }

    private static SmartleadDefinitionWebhook ReadWebhook(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Reader.WrongType(element, path, "a webhook object, e.g. { \"name\": \"Replies\", \"url\": \"https://hooks.example.com/smartlead\", \"eventTypes\": [\"Replied\"] }");
        }

        Reader.CheckKeys(element, path, WebhookKeys);
        JsonElement events = Reader.Required(element, path, "eventTypes", "\"eventTypes\": [\"Replied\"]");
        if (events.ValueKind != JsonValueKind.Array)
        {
            throw Reader.WrongType(events, path + ".eventTypes", "a list of event names, e.g. [\"Replied\", \"Bounced\"]");
        }

        return new SmartleadDefinitionWebhook
        {
            Name = Reader.RequiredString(element, path, "name", "\"name\": \"Replies\""),
            Url = Reader.RequiredString(element, path, "url", "\"url\": \"https://hooks.example.com/smartlead\""),
            EventTypes = events.EnumerateArray().Select((e, i) => Reader.Enum<SmartleadWebhookEvent>(e, $"{path}.eventTypes[{i}]")).ToList(),
        };
    }

    internal static InputValidationException Fail(string path, string message) => Schema.Fail(path, message);
}
