using System.Globalization;
using System.Text;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>A campaigns.csv with one distinct Name per row, as an admin would pipe into New-LoopsCampaign.</summary>
internal static class CampaignCsv
{
    public static string Write(string prefix, int rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"campaignps-bench-{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("Name\n");
        for (int row = 1; row <= rows; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{prefix}-{row:00000}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }
}
