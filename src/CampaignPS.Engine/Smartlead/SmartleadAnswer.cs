using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// Reads the envelopes Smartlead's documents put answers in: the API reference's bare value, the docs site's
/// <c>{"ok" | "success": true, "data": ...}</c>, and data objects that hold the value under one more key
/// (the analytics pages' <c>{"data": {"day_wise_stats": [...]}}</c>).
/// </summary>
internal static class SmartleadAnswer
{
    /// <summary>The value inside <c>data</c> when there is one, then inside the first of <paramref name="innerKeys"/> it holds.</summary>
    public static JsonElement Data(JsonElement answer, params string[] innerKeys)
    {
        JsonElement value = answer;
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("data", out JsonElement data) &&
            (data.ValueKind == JsonValueKind.Object || data.ValueKind == JsonValueKind.Array))
        {
            value = data;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (string key in innerKeys)
            {
                if (value.TryGetProperty(key, out JsonElement inner) && inner.ValueKind != JsonValueKind.Null)
                {
                    return inner;
                }
            }
        }

        return value;
    }

    /// <summary>Reads <paramref name="value"/> as one object of type <typeparamref name="T"/>.</summary>
    public static T One<T>(JsonElement value, string operation)
        where T : class =>
        value.ValueKind == JsonValueKind.Object
            ? JsonSerializer.Deserialize<T>(value, ApiJson.Options) ?? throw Unreadable(operation, "an empty object")
            : throw Unreadable(operation, $"a JSON {value.ValueKind.ToString().ToLowerInvariant()} where an object was expected");

    /// <summary>Reads <paramref name="value"/> as a list of <typeparamref name="T"/>.</summary>
    public static List<T> List<T>(JsonElement value, string operation) =>
        value.ValueKind == JsonValueKind.Array
            ? JsonSerializer.Deserialize<List<T>>(value, ApiJson.Options) ?? new List<T>()
            : throw Unreadable(operation, $"a JSON {value.ValueKind.ToString().ToLowerInvariant()} where a list was expected");

    /// <summary>A 2xx answer whose body is valid JSON in none of the documented shapes.</summary>
    public static CampaignApiException Unreadable(string operation, string detail) =>
        new CampaignApiException(new ApiFailure(Platform.Smartlead, "SmartleadInvalidResponse", FailureCategory.InvalidResult,
            $"Smartlead: {operation} returned {detail}, which matches none of the documented answers. Try again; if it persists, read the raw answer with Invoke-SmartleadRequest."));
}

/// <summary>
/// A number that the documents send as a JSON number, a numeric string ("42") or a percentage ("34%", the
/// analytics pages' rates); anything else reads as null rather than failing the whole answer.
/// </summary>
internal sealed class LenientNumberConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                string text = (reader.GetString() ?? string.Empty).Trim().TrimEnd('%').Trim();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : (double?)null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value.HasValue)
        {
            writer.WriteNumberValue(value.Value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A count that the documents send as a number or a string ("42"); anything else reads as null.</summary>
internal sealed class LenientCountConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long whole) ? whole : (long)reader.GetDouble();
            case JsonTokenType.String:
                return long.TryParse((reader.GetString() ?? string.Empty).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : (long?)null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value.HasValue)
        {
            writer.WriteNumberValue(value.Value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
