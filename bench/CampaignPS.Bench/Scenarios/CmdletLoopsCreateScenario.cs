using System.Globalization;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 6 (issue 12): 300 × `Import-Csv | New-LoopsCampaign` in pwsh with default flags, 150 ms latency, against a
/// sandbox that enforces Loops' documented 10 per second on arrival. Achieved rate and 429s come from the sandbox's
/// arrival log. Bounds: achieved/limit >= 0.98, no 429, nothing lost or duplicated, results in input order.
/// </summary>
internal sealed class CmdletLoopsCreateScenario : IBenchScenario
{
    private const int Items = 300;
    private const int Limit = 10;

    public int Number => 6;

    public string Name => "pwsh: 300 New-LoopsCampaign, 150 ms, 10/s";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Items, LimitPerSecond = Limit };
        string csv = CampaignCsv.Write("loops-create", Items);
        try
        {
            await using ExternalSandbox sandbox = await ExternalSandbox.StartAsync("--latency-ms", "150", "--loops-rps", Limit.ToString(CultureInfo.InvariantCulture));
            JsonElement result = await PwshScript.RunAsync("LoopsCreate.ps1", "-ModulePath", ModuleUnderTest.Manifest, "-Root", sandbox.RootUri.ToString(), "-Csv", csv);
            IReadOnlyList<Arrival> posts = (await sandbox.ArrivalsAsync()).Where("POST", "/campaigns");
            LoopsCreateOutcome.Report(report, posts, result, Items);
            report.RequireAchievedOverLimit(0.98);
            report.Require("429 == 0", posts.Count(p => p.StatusCode == 429) == 0, posts.Count(p => p.StatusCode == 429).ToString(CultureInfo.InvariantCulture));
            return report;
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
