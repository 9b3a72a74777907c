using System.Globalization;
using System.Text;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>Leads for the Smartlead scenarios: generated, or streamed from a CSV file, and cut into batches as Add-SmartleadLead does.</summary>
internal static class LeadSource
{
    private static readonly string[] Columns = ["Email", "FirstName", "LastName", "CompanyName", "Industry"];

    /// <summary><paramref name="count"/> distinct leads, built lazily.</summary>
    public static IEnumerable<SmartleadLead> Generate(string prefix, long count)
    {
        for (long row = 1; row <= count; row++)
        {
            yield return FromValues(Values(prefix, row), row);
        }
    }

    /// <summary>Writes a CSV (header plus <paramref name="count"/> rows) of the leads <see cref="Generate"/> would build.</summary>
    public static void WriteCsv(string path, string prefix, long count)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        writer.WriteLine(string.Join(',', Columns));
        for (long row = 1; row <= count; row++)
        {
            writer.WriteLine(string.Join(',', Values(prefix, row)));
        }
    }

    /// <summary>Reads the CSV one line at a time (like Import-Csv piped into a cmdlet): only the current row is held.</summary>
    public static IEnumerable<SmartleadLead> ReadCsv(string path)
    {
        string[]? header = null;
        long row = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (header is null)
            {
                header = line.Split(',');
                continue;
            }

            yield return FromValues(line.Split(','), ++row, header);
        }
    }

    /// <summary>Feeds <paramref name="leads"/> to the importer and yields each full batch (and the last, partial one) to send.</summary>
    public static IEnumerable<IReadOnlyList<SmartleadLead>> Batches(SmartleadLeadImporter importer, IEnumerable<SmartleadLead> leads)
    {
        foreach (SmartleadLead lead in leads)
        {
            importer.Add(lead);
            if (importer.BatchIsFull && importer.TakeBatch() is { } full)
            {
                yield return full;
            }
        }

        if (importer.TakeBatch() is { } last)
        {
            yield return last;
        }
    }

    public static string Email(string prefix, long row) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{row}@bench.example");

    private static string[] Values(string prefix, long row) =>
        [Email(prefix, row), "Lead", row.ToString(CultureInfo.InvariantCulture), "Bench Co", row % 2 == 0 ? "Retail" : "Software"];

    private static SmartleadLead FromValues(string[] values, long row, string[]? header = null)
    {
        string[] names = header ?? Columns;
        var fields = new KeyValuePair<string, object?>[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            fields[i] = new(names[i], i < values.Length ? values[i] : null);
        }

        return SmartleadLead.FromFields(fields, row);
    }
}
