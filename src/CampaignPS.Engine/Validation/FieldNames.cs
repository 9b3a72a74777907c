using System.Collections.Concurrent;

namespace CampaignPS.Engine.Validation;

/// <summary>Matches column and key names however they are spelled: FirstName, first_name, first-name and "First Name" are one name.</summary>
public static class FieldNames
{
    // A bulk run asks for the same few column names on every row: each is worked out once. A pure function's memo (the
    // answer never depends on it), bounded so that a stream of ever new keys cannot grow it.
    private const int Remembered = 4096;
    private static readonly ConcurrentDictionary<string, string> Normalized = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lower case without separators.</summary>
    public static string Normalize(string name)
    {
        if (name == null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (Normalized.TryGetValue(name, out string? known))
        {
            return known;
        }

        var normalized = new char[name.Length];
        int length = 0;
        foreach (char c in name)
        {
            if (c != '_' && c != '-' && c != ' ' && c != '.')
            {
                normalized[length++] = char.ToLowerInvariant(c);
            }
        }

        string result = new string(normalized, 0, length);
        if (Normalized.Count < Remembered)
        {
            Normalized.TryAdd(name, result);
        }

        return result;
    }
}
