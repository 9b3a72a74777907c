using System.Collections;

namespace CampaignPS.Infrastructure;

/// <summary>Reads the named fields of whatever a user pipes in: Import-Csv rows, PSCustomObjects, hashtables or .NET objects.</summary>
internal static class PowerShellRecords
{
    /// <summary>The fields of a pipeline record (a CSV row, a hashtable, an object); none for $null, so checks name the row.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Fields(object? record)
    {
        if (record == null)
        {
            return Array.Empty<KeyValuePair<string, object?>>();
        }

        object plain = record is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : record;
        if (plain is IDictionary dictionary)
        {
            return dictionary.Cast<DictionaryEntry>()
                .Select(entry => new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, Unwrap(entry.Value)))
                .ToList();
        }

        return PSObject.AsPSObject(record).Properties
            .Where(p => p.IsGettable && (p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property || p.MemberType == PSMemberTypes.AliasProperty))
            .Select(p => new KeyValuePair<string, object?>(p.Name, Unwrap(p.Value)))
            .ToList();
    }

    /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
}
