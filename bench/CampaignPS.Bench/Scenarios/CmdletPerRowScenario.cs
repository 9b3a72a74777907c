using System.Globalization;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 9 (issue 12): the per-row cost of `Import-Csv leads.csv | Add-SmartleadLead` (100,000 rows, no latency, no
/// rate limit) against a hand-written loop (Invoke-RestMethod, 400 rows per request, as the docs show it) and against
/// Import-Csv alone. Each mode runs in its own fresh pwsh, twice, alternating, and the faster of the two counts (the
/// machine's noise only ever adds time). Bounds: cmdlet/hand-written <= 1.0; the cmdlet's peak working set at most
/// 64 MB above Import-Csv alone (memory flat: nothing per row is kept); every lead stored once, by both the cmdlet and the hand-written loop.
/// </summary>
internal sealed class CmdletPerRowScenario : IBenchScenario
{
    private const int Leads = 100_000;
    private const int Rounds = 2;
    private const long GrowthBound = 64L * 1024 * 1024;
    private static readonly string[] Modes = ["ImportOnly", "HandWritten", "Cmdlet"];

    public int Number => 9;

    public string Name => "pwsh: per row, 100,000 Add-SmartleadLead vs Invoke-RestMethod";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Leads };
        string csv = Path.Combine(Path.GetTempPath(), $"campaignps-bench-per-row-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        try
        {
            LeadSource.WriteCsv(csv, "row", Leads);
            var seconds = Modes.ToDictionary(m => m, _ => double.MaxValue);
            var peak = Modes.ToDictionary(m => m, _ => 0L);
            long lost = 0;
            for (int round = 0; round < Rounds; round++)
            {
                foreach (string mode in Modes)
                {
                    // A sandbox per run: it keeps one lead per e-mail across campaigns, so a second import would be all duplicates.
                    await using ExternalSandbox sandbox = await ExternalSandbox.StartAsync("--no-rate-limit");
                    JsonElement result = await PwshScript.RunAsync("PerRow.ps1", "-ModulePath", ModuleUnderTest.Manifest, "-Root", sandbox.RootUri.ToString(), "-Csv", csv, "-Mode", mode);
                    seconds[mode] = Math.Min(seconds[mode], result.GetProperty("seconds").GetDouble());
                    peak[mode] = Math.Max(peak[mode], result.GetProperty("peakBytes").GetInt64());
                    if (mode != "ImportOnly")
                    {
                        long stored = (await sandbox.SmartleadCampaignAsync(result.GetProperty("campaignId").GetInt64())).GetProperty("leadCount").GetInt64();
                        lost = Math.Max(lost, Leads - stored);
                    }
                }
            }

            double ratio = seconds["Cmdlet"] / seconds["HandWritten"];
            long growth = peak["Cmdlet"] - peak["ImportOnly"];
            report.Elapsed = TimeSpan.FromSeconds(seconds["Cmdlet"]);
            report.Requests = Leads / 400;
            report.PeakManagedBytes = peak["Cmdlet"];
            report.ItemsLost = lost;
            foreach (string mode in Modes)
            {
                report.Metric(mode + "Seconds", seconds[mode]);
                report.Metric(mode + "PeakWorkingSetMB", peak[mode] / 1048576.0);
            }

            report.Metric("cmdletOverHandWritten", ratio);
            report.Headline = ("cmdlet/hand-written", ratio);
            report.Require("cmdlet/hand-written <= 1.0", ratio <= 1.0, ratio.ToString("0.00", CultureInfo.InvariantCulture));
            report.Require("peak working set <= Import-Csv alone + 64 MB", growth <= GrowthBound, (growth / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB");
            report.RequireNothingLostOrDuplicated();
            return report;
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
