using System.Text.Json;

namespace CampaignPS.Engine.Definitions;

/// <summary>
/// Reads a definition file strictly, for any platform's schema: an unknown key, a wrong type, a missing required field,
/// another kind or schema version is an InputValidationException (the schema's error id) whose Field is the JSON path
/// and whose message says what to write instead. Comments and trailing commas are allowed (people edit the file).
/// </summary>
internal sealed class DefinitionReader
{
    private readonly DefinitionSchema _schema;

    /// <summary>Creates a reader whose errors belong to <paramref name="schema"/>.</summary>
    public DefinitionReader(DefinitionSchema schema) => _schema = schema;

    /// <summary>
    /// Parses the text and checks what every definition starts with: an object of the schema's kind and version, with a
    /// non-empty name. The caller disposes the document.
    /// </summary>
    public JsonDocument Open(string json, out string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? string.Empty, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber.HasValue ? $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}" : "the file";
            throw _schema.Fail("$", $"The definition is not valid JSON ({where}): {FirstSentence(e.Message)} Correct the JSON, or export the campaign again with {_schema.ExportCommand}.");
        }

        try
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw _schema.Fail("$", $"The definition is {Describe(root)}, not a JSON object. A definition starts with {{ \"kind\": \"{_schema.Kind}\", \"schemaVersion\": {_schema.Version}, \"name\": \"...\" }}.");
            }

            // kind and schemaVersion first: another kind of file is named as such, not by its first unknown key.
            string kind = RequiredString(root, "$", "kind", $"\"kind\": \"{_schema.Kind}\"");
            if (!string.Equals(kind, _schema.Kind, StringComparison.Ordinal))
            {
                // Every platform's kind is PlatformCampaign, applied with Sync-PlatformCampaign.
                string other = kind.EndsWith("Campaign", StringComparison.Ordinal) && kind.Length > "Campaign".Length ? $" (a {kind} definition belongs to Sync-{kind})" : string.Empty;
                throw _schema.Fail("$.kind", $"$.kind is '{kind}': this is not a {_schema.Platform} campaign definition. {_schema.SyncCommand} reads \"kind\": \"{_schema.Kind}\"{other}.");
            }

            if (!root.TryGetProperty("schemaVersion", out JsonElement version) || version.ValueKind == JsonValueKind.Null)
            {
                throw _schema.Fail("$.schemaVersion", $"$.schemaVersion is missing. Add \"schemaVersion\": {_schema.Version}.");
            }

            int schemaVersion = Int(version, "$.schemaVersion");
            if (schemaVersion != _schema.Version)
            {
                throw _schema.Fail("$.schemaVersion", $"$.schemaVersion is {schemaVersion}; this module reads schemaVersion {_schema.Version}. Use a module version that knows it, or export the campaign again with this one.");
            }

            name = RequiredString(root, "$", "name", $"\"name\": \"{_schema.ExampleName}\"");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw _schema.Fail("$.name", $"$.name is empty. Give the campaign a name, e.g. \"name\": \"{_schema.ExampleName}\".");
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Refuses a key that is not one of <paramref name="known"/>, suggesting the nearest one.</summary>
    public void CheckKeys(JsonElement element, string path, IReadOnlyCollection<string> known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                string? near = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k, property.Name + "s", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k + "s", property.Name, StringComparison.OrdinalIgnoreCase));
                string hint = near != null ? $" Did you mean '{near}'?" : string.Empty;
                throw _schema.Fail($"{path}.{property.Name}", $"{path}.{property.Name} is not a key of schemaVersion {_schema.Version}.{hint} The keys here are: {string.Join(", ", known.Where(k => k != "$schema"))}.");
            }
        }
    }

    /// <summary>A section that is missing or null is not managed (false); one of another type is an error.</summary>
    public bool Section(JsonElement parent, string name, JsonValueKind kind, out JsonElement value, string path = "$")
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

    /// <summary>The value of a required key; missing or null is an error whose fix is <paramref name="example"/>.</summary>
    public JsonElement Required(JsonElement parent, string path, string name, string example)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw _schema.Fail($"{path}.{name}", $"{path}.{name} is missing. Add it, e.g. {example}.");
        }

        return value;
    }

    /// <summary>Required text.</summary>
    public string RequiredString(JsonElement parent, string path, string name, string example)
    {
        JsonElement value = Required(parent, path, name, example);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(value, $"{path}.{name}", $"text in quotes, e.g. {example}");
    }

    /// <summary>Text, or null when the key is missing or null.</summary>
    public string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(value, $"{path}.{name}", "text in quotes, or null");
    }

    /// <summary>true or false, or null when the key is missing or null.</summary>
    public bool? OptionalBool(JsonElement parent, string path, string name)
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

    /// <summary>A whole number, or null when the key is missing or null.</summary>
    public int? OptionalInt(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Int(value, $"{path}.{name}") : null;

    /// <summary>An id, or null when the key is missing or null.</summary>
    public long? OptionalLong(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Long(value, $"{path}.{name}") : null;

    /// <summary>One of <typeparamref name="T"/>'s names, or null when the key is missing or null.</summary>
    public T? OptionalEnum<T>(JsonElement parent, string path, string name)
        where T : struct, Enum =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? Enum<T>(value, $"{path}.{name}") : null;

    /// <summary>A whole number.</summary>
    public int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw WrongType(value, path, "a whole number without quotes");

    /// <summary>An id (a whole number).</summary>
    public long Long(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw WrongType(value, path, "a whole number without quotes (an id)");

    /// <summary>One of <typeparamref name="T"/>'s names, case-insensitive (never a number).</summary>
    public T Enum<T>(JsonElement value, string path)
        where T : struct, Enum
    {
        string[] names = System.Enum.GetNames(typeof(T));
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text == null)
        {
            throw WrongType(value, path, $"one of these names in quotes: {string.Join(", ", names)}");
        }

        // Names only: Enum.TryParse would also take "3".
        string? match = names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match != null
            ? (T)System.Enum.Parse(typeof(T), match)
            : throw _schema.Fail(path, $"{path} is '{text}', which is not one of: {string.Join(", ", names)}.");
    }

    /// <summary>A value of the wrong type at <paramref name="path"/>: what it is and what was expected.</summary>
    public InputValidationException WrongType(JsonElement value, string path, string expected) =>
        _schema.Fail(path, $"{path} is {Describe(value)}; expected {expected}.");

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
}
