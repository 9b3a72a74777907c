using System.Globalization;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 10 (issue 12): `Import-Module CampaignPS` against an empty module, each timed inside a fresh pwsh (so pwsh's
/// own start-up is left out), alternating over 15 pairs of processes, twice: in processes that have formatted output
/// before (as every session has after its first output; the bound applies here), and in processes that have shown
/// nothing, where the module's format file makes PowerShell build its format tables (a one-time cost of PowerShell that
/// the first formatted output pays otherwise, and that an empty format file triggers as much; reported, not bound).
/// Bound: the median costs at most 100 ms more than the empty module's.
/// </summary>
internal sealed class ImportModuleScenario : IBenchScenario
{
    private const int Pairs = 15;
    private const double BoundMilliseconds = 100;

    public int Number => 10;

    public string Name => "pwsh: Import-Module vs an empty module";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Pairs };
        string emptyFolder = Path.Combine(Path.GetTempPath(), $"campaignps-bench-empty-{Environment.ProcessId}-{Guid.NewGuid():N}", "EmptyModule");
        Directory.CreateDirectory(emptyFolder);
        string emptyModule = Path.Combine(emptyFolder, "EmptyModule.psm1");
        File.WriteAllText(emptyModule, string.Empty);
        try
        {
            string manifest = ModuleUnderTest.Manifest;
            foreach (bool formatTablesReady in (bool[])[true, false])
            {
                string[] ready = formatTablesReady ? ["-FormatTablesReady"] : [];
                var empty = new List<double>();
                var campaign = new List<double>();
                for (int pair = 0; pair < Pairs; pair++)
                {
                    empty.Add((await PwshScript.RunAsync("ImportModule.ps1", ["-ModulePath", emptyModule, .. ready])).GetProperty("milliseconds").GetDouble());
                    campaign.Add((await PwshScript.RunAsync("ImportModule.ps1", ["-ModulePath", manifest, .. ready])).GetProperty("milliseconds").GetDouble());
                }

                double extra = Median(campaign) - Median(empty);
                string when = formatTablesReady ? "" : "FormatTablesCold";
                report.Metric("emptyMedianMs" + when, Median(empty));
                report.Metric("campaignPSMedianMs" + when, Median(campaign));
                report.Metric("extraMedianMs" + when, extra);
                if (formatTablesReady)
                {
                    report.Headline = ("extra ms", extra);
                    report.Require("median extra <= 100 ms", extra <= BoundMilliseconds, extra.ToString("0", CultureInfo.InvariantCulture) + " ms");
                }
            }

            return report;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(emptyFolder)!, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
