using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace CampaignPS.Engine.Json;

/// <summary>
/// Turns loosely typed input (hashtables, arrays, strings, numbers, or JSON text) into JSON,
/// so that users can pass structured API values such as audience filters as PowerShell
/// hashtables. Host-specific wrappers (PSObject) are unwrapped by the given function.
/// </summary>
public sealed class JsonValueWriter
{
    private const int MaxDepth = 32;
    private readonly Func<object, object?> _unwrap;

    /// <summary>Creates a writer; <paramref name="unwrap"/> turns host wrappers into dictionaries or plain values.</summary>
    public JsonValueWriter(Func<object, object?>? unwrap = null) => _unwrap = unwrap ?? (value => value);

    /// <summary>Returns JSON text for <paramref name="value"/>; a string is taken to be JSON already.</summary>
    public string ToJson(object value)
    {
        object? plain = _unwrap(value);
        if (plain is string text)
        {
            return text;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, plain, 0);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The value is nested more than {MaxDepth} levels deep.");
        }

        value = value == null ? null : _unwrap(value);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateTime d:
                writer.WriteStringValue(d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset d:
                writer.WriteStringValue(d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (object? item in sequence)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case IConvertible number when IsNumber(number):
                writer.WriteRawValue(Convert.ToString(number, CultureInfo.InvariantCulture) ?? "0");
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() switch
    {
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or
        TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => true,
        _ => false,
    };
}
