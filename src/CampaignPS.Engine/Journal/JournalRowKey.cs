using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CampaignPS.Engine.Journal;

/// <summary>
/// The default key of a journal row: SHA-256 over the row's field names and values in a canonical form (names
/// sorted ordinally, then a JSON object of name to value), as 64 lowercase hex digits. The same row gives the same
/// key in every process and on every machine; the order of the fields does not matter, their spelling does.
/// </summary>
public static class JournalRowKey
{
    /// <summary>The key of a row whose fields are <paramref name="fields"/> (values already in canonical text; null is kept apart from "").</summary>
    public static string Hash(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        if (fields == null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string?> field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (field.Value == null)
                {
                    writer.WriteNull(field.Key);
                }
                else
                {
                    writer.WriteString(field.Key, field.Value);
                }
            }

            writer.WriteEndObject();
        }

        using SHA256 sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(buffer.ToArray());
        var text = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
