using System.IO;

namespace CampaignPS.Engine.Validation;

/// <summary>
/// The IANA time zone names (tz database zones and links), shipped with the engine because
/// Windows PowerShell 5.1 (.NET Framework) only knows Windows time zone ids.
/// </summary>
public static class IanaTimeZones
{
    private static readonly Lazy<HashSet<string>> Names = new Lazy<HashSet<string>>(Load);

    /// <summary>Every known name, sorted.</summary>
    public static IReadOnlyList<string> All => Names.Value.OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="name"/> is an IANA zone or link name (exact case, as APIs compare it).</summary>
    public static bool IsKnown(string? name) => name != null && Names.Value.Contains(name);

    /// <summary>The known name that differs only in case, if any (for "did you mean" messages).</summary>
    public static string? SuggestFor(string name) =>
        Names.Value.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> Load()
    {
        using Stream stream = typeof(IanaTimeZones).Assembly.GetManifestResourceStream("CampaignPS.Engine.iana-time-zones.txt")
            ?? throw new InvalidOperationException("The time zone list is missing from the engine assembly.");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line.Trim());
            }
        }

        return names;
    }
}
