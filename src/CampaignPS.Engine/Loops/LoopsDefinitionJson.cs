using System.Text.Json;
using CampaignPS.Engine.Definitions;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// The Loops definition file (schemaVersion 1): its keys, written in a fixed order by <see cref="DefinitionWriter"/> and
/// read strictly by <see cref="DefinitionReader"/>, so every schema problem is LoopsDefinitionInvalid naming the JSON path.
/// </summary>
internal static class LoopsDefinitionJson
{
    private static readonly string[] RootKeys = { "$schema", "kind", "schemaVersion", "name", "mailingList", "audienceSegment", "audienceFilter", "campaignGroup", "emailMessage" };
    private static readonly string[] MessageKeys = LoopsMessageField.All.Select(f => f.Key).ToArray();

    public static DefinitionSchema Schema { get; } = new DefinitionSchema("Loops", LoopsCampaignDefinition.CurrentSchemaVersion, "Spring announcement");

    private static DefinitionReader Reader { get; } = new DefinitionReader(Schema);

    public static string Write(LoopsCampaignDefinition definition) => DefinitionWriter.Write(Schema, definition.Name, writer =>
    {
        writer.TextOrNull("mailingList", definition.MailingList);
        writer.TextOrNull("audienceSegment", definition.AudienceSegment);
        writer.RawOrNull("audienceFilter", definition.AudienceFilter);
        writer.TextOrNull("campaignGroup", definition.CampaignGroup);
        writer.ObjectOrNull("emailMessage", definition.EmailMessage, (w, message) =>
        {
            foreach (LoopsMessageField field in LoopsMessageField.All)
            {
                w.TextOrNull(field.Key, field.Read(message));
            }
        });
    });

    public static LoopsCampaignDefinition Read(string json)
    {
        using JsonDocument document = Reader.Open(json, out string name);
        JsonElement root = document.RootElement;
        Reader.CheckKeys(root, "$", RootKeys);
        var definition = new LoopsCampaignDefinition
        {
            Name = name,
            MailingList = Reader.OptionalString(root, "$", "mailingList"),
            AudienceSegment = Reader.OptionalString(root, "$", "audienceSegment"),
            CampaignGroup = Reader.OptionalString(root, "$", "campaignGroup"),
        };
        if (Reader.Section(root, "audienceFilter", JsonValueKind.Object, out JsonElement filter))
        {
            definition.AudienceFilter = DefinitionWriter.Compact(filter);
        }

        if (Reader.Section(root, "emailMessage", JsonValueKind.Object, out JsonElement message))
        {
            const string path = "$.emailMessage";
            Reader.CheckKeys(message, path, MessageKeys);
            var read = new LoopsDefinitionEmailMessage();
            foreach (LoopsMessageField field in LoopsMessageField.All)
            {
                field.Write(read, Reader.OptionalString(message, path, field.Key));
            }

            definition.EmailMessage = read;
        }

        return definition;
    }

    /// <summary>JSON text in the compact form the reader gives, so a live filter and a definition's compare as text.</summary>
    public static string Compact(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return DefinitionWriter.Compact(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
