using System.Text.Json;

namespace CampaignPS.Sandbox;

/// <summary>A JSON object from a request body with field-by-field typed access. Every problem becomes
/// a 400 <see cref="PlatformErrorException"/> whose message names the field.</summary>
internal sealed class JsonRequestBody
{
    private readonly JsonElement _object;
    private readonly string _fieldPrefix;

    private JsonRequestBody(JsonElement jsonObject, string fieldPrefix, IReadOnlyCollection<string> allowedFields)
    {
        _object = jsonObject;
        _fieldPrefix = fieldPrefix;
        foreach (var property in jsonObject.EnumerateObject())
        {
            if (!allowedFields.Contains(property.Name))
            {
                throw PlatformErrorException.BadRequest(
                    $"Unknown field '{fieldPrefix}{property.Name}'. Allowed fields: {string.Join(", ", allowedFields)}.");
            }
        }
    }

    public static JsonRequestBody Parse(string text, IReadOnlyCollection<string> allowedFields)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "null" : text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw PlatformErrorException.BadRequest($"Request body is not valid JSON: {e.Message}");
        }

        return root.ValueKind == JsonValueKind.Object
            ? new JsonRequestBody(root, "", allowedFields)
            : throw PlatformErrorException.BadRequest("Request body must be a JSON object.");
    }

    public string FieldName(string field) => _fieldPrefix + field;

    /// <summary>A string field; null is refused.</summary>
    public Optional<string> String(string field)
    {
        var value = NullableString(field);
        return value is { IsSet: true, Value: null }
            ? throw PlatformErrorException.BadRequest($"{FieldName(field)} must be a string, not null.")
            : new Optional<string>(value.IsSet, value.Value!);
    }

    /// <summary>A string field where null is meaningful (usually "clear it").</summary>
    public Optional<string?> NullableString(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<string?>.Unset;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => Optional<string?>.Of(null),
            JsonValueKind.String => Optional<string?>.Of(value.GetString()),
            _ => throw PlatformErrorException.BadRequest($"{FieldName(field)} must be a string."),
        };
    }

    /// <summary>A nested object field with its own allowed fields; null yields Of(null).</summary>
    public Optional<JsonRequestBody?> NullableObject(string field, IReadOnlyCollection<string> allowedFields)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<JsonRequestBody?>.Unset;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => Optional<JsonRequestBody?>.Of(null),
            JsonValueKind.Object => Optional<JsonRequestBody?>.Of(new JsonRequestBody(value, FieldName(field) + ".", allowedFields)),
            _ => throw PlatformErrorException.BadRequest($"{FieldName(field)} must be an object."),
        };
    }

    /// <summary>A nested object field; null is refused.</summary>
    public Optional<JsonRequestBody> Object(string field, IReadOnlyCollection<string> allowedFields)
    {
        var value = NullableObject(field, allowedFields);
        return value is { IsSet: true, Value: null }
            ? throw PlatformErrorException.BadRequest($"{FieldName(field)} must be an object, not null.")
            : new Optional<JsonRequestBody>(value.IsSet, value.Value!);
    }

    /// <summary>A field holding a JSON array, returned as raw JSON text.</summary>
    public Optional<string> ArrayJson(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<string>.Unset;
        }
        return value.ValueKind == JsonValueKind.Array
            ? Optional<string>.Of(value.GetRawText())
            : throw PlatformErrorException.BadRequest($"{FieldName(field)} must be an array.");
    }

    public string RawJson => _object.GetRawText();
}
