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
            var entries = new List<KeyValuePair<string, object?>>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
            {
                entries.Add(new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, Unwrap(entry.Value)));
            }

            return entries;
        }

        // One pass, no LINQ: this runs for every row of a bulk run.
        var fields = new List<KeyValuePair<string, object?>>(16);
        PSObject wrapper = PSObject.AsPSObject(record);
        if (wrapper.BaseObject is PSCustomObject && CustomObjectMembers.TryRead(wrapper, fields))
        {
            return fields;
        }

        foreach (PSPropertyInfo property in wrapper.Properties)
        {
            if (property.IsGettable && (property.MemberType == PSMemberTypes.NoteProperty || property.MemberType == PSMemberTypes.Property || property.MemberType == PSMemberTypes.AliasProperty))
            {
                fields.Add(new KeyValuePair<string, object?>(property.Name, Unwrap(property.Value)));
            }
        }

        return fields;
    }

    /// <summary>The object inside a PSObject wrapper, or the value itself.</summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
}
