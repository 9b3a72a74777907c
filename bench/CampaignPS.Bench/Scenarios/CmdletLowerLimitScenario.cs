using System.Globalization;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 8 (issue 12): 100 × `Import-Csv | New-LoopsCampaign` in pwsh with default flags against a Loops team whose
/// server enforces 4 per second (and says so in x-ratelimit-limit) while the documents say 10. Bounds: at most 1.1
/// requests per item (429s included), nothing lost or duplicated; reported: how long until the last 429 (convergence)
/// and the rate reached afterwards.
/// </summary>
internal sealed class CmdletLowerLimitScenario : IBenchScenario
{
    private const int Items = 100;
    private const int ServerLimit = 4;

    public int Number => 8;

    public string Name => "pwsh: 100 New-LoopsCampaign, server at 4/s";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Items, LimitPerSecond = ServerLimit };
        string csv = CampaignCsv.Write("loops-lower", Items);
        try
        {
            await using ExternalSandbox sandbox = await ExternalSandbox.StartAsync("--latency-ms", "150", "--loops-rps", ServerLimit.ToString(CultureInfo.InvariantCulture));
            JsonElement result = await PwshScript.RunAsync("LoopsCreate.ps1", "-ModulePath", ModuleUnderTest.Manifest, "-Root", sandbox.RootUri.ToString(), "-Csv", csv);
            IReadOnlyList<Arrival> posts = (await sandbox.ArrivalsAsync()).Where("POST", "/campaigns");
            LoopsCreateOutcome.Report(report, posts, result, Items);

            double requestsPerItem = posts.Count / (double)Items;
            Arrival? last429 = posts.LastOrDefault(p => p.StatusCode == 429);
            double convergence = last429 is null || posts.Count == 0 ? 0 : (last429.ReceivedAt - posts[0].ReceivedAt).TotalSeconds;
            report.Metric("convergenceSeconds", convergence);
            report.Headline = ("requests/item", requestsPerItem);
            report.Require("requests/item <= 1.1", requestsPerItem <= 1.1, requestsPerItem.ToString("0.000", CultureInfo.InvariantCulture));
            return report;
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
