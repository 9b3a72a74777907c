using System.IO;
using System.Text;
using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// Writes a campaign's leads to a CSV file that <c>Import-Csv | Add-SmartleadLead</c> takes back: the lead columns
/// (email, first_name, ...) and one column per custom field. Streamed: each page (100 leads) goes to a temporary file
/// as it arrives while the custom field names are collected, then the CSV is written from that file, so memory holds
/// one page whatever the campaign's size, and a custom field first seen on the last page still gets its column.
/// </summary>
public static class SmartleadLeadCsv
{
    /// <summary>The lead columns, in the order they are written; custom fields follow in the order they were first seen.</summary>
    public static IReadOnlyList<string> LeadColumns { get; } = new[]
    {
        "email", "first_name", "last_name", "company_name", "phone_number", "website", "location", "linkedin_profile", "company_url",
    };

    /// <summary>Writes every lead of campaign <paramref name="campaignId"/> to <paramref name="path"/> (replaced); returns how many.</summary>
    public static async Task<long> ExportAsync(SmartleadClient client, long campaignId, string path, Action<long>? onPage = null, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        string full = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var customNames = new List<string>();
        var seen = new HashSet<string>(LeadColumns, StringComparer.OrdinalIgnoreCase);
        long count = 0;
        try
        {
            using (var lines = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                string? cursor = null;
                do
                {
                    CursorPage<SmartleadCampaignLead> page = await client.Leads.GetPageAsync(campaignId, null, cursor, null, cancellationToken).ConfigureAwait(false);
                    foreach (SmartleadCampaignLead lead in page.Items)
                    {
                        var row = new Dictionary<string, string?>(StringComparer.Ordinal)
                        {
                            ["email"] = lead.Email,
                            ["first_name"] = lead.FirstName,
                            ["last_name"] = lead.LastName,
                            ["company_name"] = lead.CompanyName,
                            ["phone_number"] = lead.PhoneNumber,
                            ["website"] = lead.Website,
                            ["location"] = lead.Location,
                            ["linkedin_profile"] = lead.LinkedinProfile,
                            ["company_url"] = lead.CompanyUrl,
                        };
                        foreach (KeyValuePair<string, string> field in lead.CustomFields)
                        {
                            if (seen.Add(field.Key))
                            {
                                customNames.Add(field.Key);
                            }

                            if (!row.ContainsKey(field.Key))
                            {
                                row[field.Key] = field.Value;
                            }
                        }

                        await lines.WriteLineAsync(JsonSerializer.Serialize(row)).ConfigureAwait(false);
                        count++;
                    }

                    onPage?.Invoke(count);
                    cursor = page.Items.Count == 0 ? null : page.NextCursor;
                }
                while (cursor != null);
            }

            var columns = LeadColumns.Concat(customNames).ToList();
            using (var csv = new StreamWriter(full, false, new UTF8Encoding(false)))
            using (var lines = new StreamReader(temporary, Encoding.UTF8))
            {
                csv.NewLine = "\n";
                await csv.WriteLineAsync(string.Join(",", columns.Select(Quote))).ConfigureAwait(false);
                string? line;
                while ((line = await lines.ReadLineAsync().ConfigureAwait(false)) != null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var row = JsonSerializer.Deserialize<Dictionary<string, string?>>(line) ?? new Dictionary<string, string?>();
                    await csv.WriteLineAsync(string.Join(",", columns.Select(c => Quote(row.TryGetValue(c, out string? value) ? value : null)))).ConfigureAwait(false);
                }
            }

            return count;
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: a temporary file left behind holds nothing the CSV does not.
            }
        }
    }

    // As Export-Csv writes: every field in double quotes, quotes doubled.
    private static string Quote(string? value) => "\"" + (value ?? string.Empty).Replace("\"", "\"\"") + "\"";
}
