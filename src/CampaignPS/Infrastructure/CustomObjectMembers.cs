using System.Reflection;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Reads the note properties of a PSCustomObject (an Import-Csv row, [pscustomobject]@{...}) from the object's own
/// members, as PowerShell's member binder does for $row.Name. PSObject.Properties builds PowerShell's reserved members
/// (psobject, psbase, ...) and merges every member source on each enumeration, which was most of Add-SmartleadLead's
/// cost per row. The own members are internal to PowerShell (PSObject.InstanceMembers, present in Windows PowerShell 5.1
/// and PowerShell 7): when they cannot be read, <see cref="TryRead"/> says so and the caller uses PSObject.Properties,
/// which gives the same fields for a custom object (it has no adapted members).
/// </summary>
internal static class CustomObjectMembers
{
    private static readonly Func<PSObject, object?>? InstanceMembers = Find();

    /// <summary>Adds the gettable note, alias and plain properties of <paramref name="row"/> to <paramref name="fields"/>; false when they cannot be read this way.</summary>
    public static bool TryRead(PSObject row, List<KeyValuePair<string, object?>> fields)
    {
        // Deserialized objects (Import-Clixml, remoting, jobs) keep their properties in an adapter's property bag,
        // not in the instance members: only PSObject.Properties sees them.
        if (InstanceMembers == null || IsDeserialized(row) || !(InstanceMembers(row) is IEnumerable<PSMemberInfo> members))
        {
            return false;
        }

        int before = fields.Count;
        foreach (PSMemberInfo member in members)
        {
            if (member is PSPropertyInfo property && property.IsGettable &&
                (property.MemberType == PSMemberTypes.NoteProperty || property.MemberType == PSMemberTypes.Property || property.MemberType == PSMemberTypes.AliasProperty))
            {
                fields.Add(new KeyValuePair<string, object?>(property.Name, PowerShellRecords.Unwrap(property.Value)));
            }
        }

        return fields.Count > before;
    }

    private static bool IsDeserialized(PSObject row)
    {
        var typeNames = row.TypeNames;
        return typeNames.Count > 0 && typeNames[0].StartsWith("Deserialized.", StringComparison.Ordinal);
    }

    private static Func<PSObject, object?>? Find()
    {
        try
        {
            MethodInfo? getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
            return getter == null || !typeof(IEnumerable<PSMemberInfo>).IsAssignableFrom(getter.ReturnType)
                ? null
                : (Func<PSObject, object?>)Delegate.CreateDelegate(typeof(Func<PSObject, object?>), getter);
        }
        catch (Exception exception) when (exception is ArgumentException || exception is MemberAccessException)
        {
            return null;
        }
    }
}
