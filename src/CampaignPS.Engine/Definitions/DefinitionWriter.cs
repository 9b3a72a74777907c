using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignPS.Engine.Definitions;

/// <summary>
/// Writes a definition file: two-space indentation, \n line ends, kind, schemaVersion and name first and then the
/// platform's keys in the order its writer gives them, so two exports diff line by line. A value that is not managed is
/// written as null, so the file shows every key there is.
/// </summary>
internal static class DefinitionWriter
{
    /// <summary>The file's text: the header of <paramref name="schema"/>, then what <paramref name="body"/> writes.</summary>
    public static string Write(DefinitionSchema schema, string name, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps HTML and LMX bodies and non-ASCII text readable in the file (it is never embedded in a page).
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", schema.Kind);
            writer.WriteNumber("schemaVersion", schema.Version);
            writer.WriteString("name", name);
            body(writer);
            writer.WriteEndObject();
        }

        // Utf8JsonWriter ends lines with Environment.NewLine: the file uses \n on every system, so diffs stay clean.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>A JSON value on one line, escaped as the file is (so non-ASCII text stays readable and two values compare as text).</summary>
    public static string Compact(JsonElement value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Text, or null.</summary>
    public static void TextOrNull(this Utf8JsonWriter writer, string name, string? value)
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

    /// <summary>true or false, or null.</summary>
    public static void BoolOrNull(this Utf8JsonWriter writer, string name, bool? value)
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

    /// <summary>A whole number, or null.</summary>
    public static void NumberOrNull(this Utf8JsonWriter writer, string name, long? value)
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

    /// <summary>An object whose keys <paramref name="body"/> writes, or null when the section is not managed.</summary>
    public static void ObjectOrNull<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> body)
        where T : class
    {
        if (value == null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        body(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>A list whose items <paramref name="item"/> writes, or null when the section is not managed.</summary>
    public static void ArrayOrNull<T>(this Utf8JsonWriter writer, string name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> item)
    {
        if (items == null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (T value in items)
        {
            item(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A JSON value kept as text (an audience filter), written as JSON, or null.</summary>
    public static void RawOrNull(this Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json == null)
        {
            writer.WriteNullValue();
            return;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(writer);
    }
}
