using System.Text.Json;

namespace CampaignPS.Engine.Errors;

/// <summary>
/// Reads the message and code out of an error body. Platforms use (and their documents
/// disagree on) several shapes, all accepted here:
/// <c>{"message": "..."}</c>, <c>{"error": "..."}</c>, <c>{"error": {"code", "message"}}</c>,
/// <c>{"message", "code"}</c>, <c>{"success": false, "message"}</c>, and the field lists of
/// Django REST-style APIs, <c>{"detail": "..."}</c> and <c>{"name": ["This field may not be blank."]}</c>.
/// </summary>
public sealed class ApiErrorBody
{
    private ApiErrorBody(string? message, string? code)
    {
        Message = message;
        Code = code;
    }

    /// <summary>The API's message, or null.</summary>
    public string? Message { get; }

    /// <summary>The API's error code, or null.</summary>
    public string? Code { get; }

    /// <summary>The same fields with <paramref name="scrub"/> applied (an echoed key masked).</summary>
    public ApiErrorBody Scrubbed(Func<string, string> scrub) =>
        new ApiErrorBody(Message == null ? null : scrub(Message), Code == null ? null : scrub(Code));

    /// <summary>Parses <paramref name="body"/>; anything that is not JSON gives its first 300 characters as the message.</summary>
    public static ApiErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ApiErrorBody(null, null);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body!);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ApiErrorBody(Truncate(body!), null);
            }

            string? message = Text(root, "message");
            string? code = Text(root, "code");
            if (root.TryGetProperty("error", out JsonElement error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    message = Text(error, "message") ?? message;
                    code = Text(error, "code") ?? code;
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    message ??= error.GetString();
                }
            }

            return new ApiErrorBody(message ?? Text(root, "detail") ?? Text(root, "title") ?? FieldErrors(root), code);
        }
        catch (JsonException)
        {
            return new ApiErrorBody(Truncate(body!), null);
        }
    }

    private static string? FieldErrors(JsonElement root)
    {
        var parts = new List<string>();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var messages = property.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList();
                if (messages.Count > 0)
                {
                    parts.Add(property.Name == "non_field_errors" ? string.Join(" ", messages) : $"{property.Name}: {string.Join(" ", messages)}");
                }
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string Truncate(string text) => text.Length <= 300 ? text.Trim() : text.Substring(0, 300).Trim() + "…";
}
