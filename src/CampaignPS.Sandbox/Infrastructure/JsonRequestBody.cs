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
                throw PlatformErrorException.FieldError(
                    fieldPrefix + property.Name,
                    $"Unknown field '{fieldPrefix}{property.Name}'. Allowed fields: {string.Join(", ", allowedFields)}.");
            }
        }
    }

    /// <summary>Parses a required JSON object body.</summary>
    public static JsonRequestBody Parse(string text, IReadOnlyCollection<string> allowedFields) =>
        Parse(text, allowedFields, emptyMeansEmptyObject: false);

    /// <summary>Parses a JSON object body; with <paramref name="emptyMeansEmptyObject"/>, an empty body reads as {}.</summary>
    public static JsonRequestBody Parse(string text, IReadOnlyCollection<string> allowedFields, bool emptyMeansEmptyObject)
    {
        JsonElement root;
        try
        {
            var json = string.IsNullOrWhiteSpace(text) ? (emptyMeansEmptyObject ? "{}" : "null") : text;
            using var document = JsonDocument.Parse(json);
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
            ? throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be a string, not null.")
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
            _ => throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be a string."),
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
            _ => throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an object."),
        };
    }

    /// <summary>A nested object field; null is refused.</summary>
    public Optional<JsonRequestBody> Object(string field, IReadOnlyCollection<string> allowedFields)
    {
        var value = NullableObject(field, allowedFields);
        return value is { IsSet: true, Value: null }
            ? throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an object, not null.")
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
            : throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an array.");
    }

    public string RawJson => _object.GetRawText();

    /// <summary>A field's JSON value whatever its kind, for fields that accept more than one kind.</summary>
    public Optional<JsonElement> Element(string field) =>
        _object.TryGetProperty(field, out var value) ? Optional<JsonElement>.Of(value) : Optional<JsonElement>.Unset;

    public bool Has(string field) => _object.TryGetProperty(field, out _);

    /// <summary>An integer field (JSON number without a fraction); null is refused.</summary>
    public Optional<long> Integer(string field)
    {
        var value = NullableInteger(field);
        return value is { IsSet: true, Value: null }
            ? throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an integer, not null.")
            : new Optional<long>(value.IsSet, value.Value.GetValueOrDefault());
    }

    /// <summary>An integer field where null is meaningful.</summary>
    public Optional<long?> NullableInteger(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<long?>.Unset;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => Optional<long?>.Of(null),
            JsonValueKind.Number when value.TryGetInt64(out var number) => Optional<long?>.Of(number),
            _ => throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an integer."),
        };
    }

    /// <summary>An integer field that must lie between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public Optional<int> IntegerBetween(string field, int min, int max)
    {
        var value = Integer(field);
        if (!value.IsSet)
        {
            return Optional<int>.Unset;
        }
        return value.Value >= min && value.Value <= max
            ? Optional<int>.Of((int)value.Value)
            : throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be between {min} and {max} (got {value.Value}).");
    }

    /// <summary>A true/false field; null is refused.</summary>
    public Optional<bool> Boolean(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<bool>.Unset;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => Optional<bool>.Of(true),
            JsonValueKind.False => Optional<bool>.Of(false),
            _ => throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be true or false."),
        };
    }

    /// <summary>An array of objects, each with its own allowed fields and named "field[i]." in messages.</summary>
    public Optional<IReadOnlyList<JsonRequestBody>> Objects(string field, IReadOnlyCollection<string> allowedFields)
    {
        var items = Array(field);
        if (!items.IsSet)
        {
            return Optional<IReadOnlyList<JsonRequestBody>>.Unset;
        }
        var result = new List<JsonRequestBody>(items.Value.GetArrayLength());
        var index = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var name = $"{FieldName(field)}[{index++}]";
            result.Add(item.ValueKind == JsonValueKind.Object
                ? new JsonRequestBody(item, name + ".", allowedFields)
                : throw PlatformErrorException.FieldError(name, $"{name} must be an object."));
        }
        return Optional<IReadOnlyList<JsonRequestBody>>.Of(result);
    }

    /// <summary>An array of integers.</summary>
    public Optional<IReadOnlyList<long>> Integers(string field) =>
        Elements(field, (item, name) => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var number)
            ? number
            : throw PlatformErrorException.FieldError(name, $"{name} must be an integer."));

    /// <summary>An array of strings.</summary>
    public Optional<IReadOnlyList<string>> Strings(string field) =>
        Elements(field, (item, name) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw PlatformErrorException.FieldError(name, $"{name} must be a string."));

    /// <summary>A field holding any JSON object, returned as raw JSON text; null yields Of(null).</summary>
    public Optional<string?> NullableObjectJson(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<string?>.Unset;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => Optional<string?>.Of(null),
            JsonValueKind.Object => Optional<string?>.Of(value.GetRawText()),
            _ => throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an object."),
        };
    }

    private Optional<JsonElement> Array(string field)
    {
        if (!_object.TryGetProperty(field, out var value))
        {
            return Optional<JsonElement>.Unset;
        }
        return value.ValueKind == JsonValueKind.Array
            ? Optional<JsonElement>.Of(value)
            : throw PlatformErrorException.FieldError(FieldName(field), $"{FieldName(field)} must be an array.");
    }

    private Optional<IReadOnlyList<T>> Elements<T>(string field, Func<JsonElement, string, T> read)
    {
        var items = Array(field);
        if (!items.IsSet)
        {
            return Optional<IReadOnlyList<T>>.Unset;
        }
        var result = new List<T>(items.Value.GetArrayLength());
        var index = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            result.Add(read(item, $"{FieldName(field)}[{index++}]"));
        }
        return Optional<IReadOnlyList<T>>.Of(result);
    }
}
