using System.Globalization;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 10 (issue 12): `Import-Module CampaignPS` against an empty module, each timed inside a fresh pwsh (so pwsh's
/// own start-up is left out), alternating over 15 pairs of processes. Bound: the median costs at most 100 ms more.
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
            var empty = new List<double>();
            var campaign = new List<double>();
            for (int pair = 0; pair < Pairs; pair++)
            {
                empty.Add((await PwshScript.RunAsync("ImportModule.ps1", "-ModulePath", emptyModule)).GetProperty("milliseconds").GetDouble());
                campaign.Add((await PwshScript.RunAsync("ImportModule.ps1", "-ModulePath", manifest)).GetProperty("milliseconds").GetDouble());
            }

            double extra = Median(campaign) - Median(empty);
            report.Metric("emptyMedianMs", Median(empty));
            report.Metric("campaignPSMedianMs", Median(campaign));
            report.Metric("extraMedianMs", extra);
            report.Headline = ("extra ms", extra);
            report.Require("median extra <= 100 ms", extra <= BoundMilliseconds, extra.ToString("0", CultureInfo.InvariantCulture) + " ms");
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
