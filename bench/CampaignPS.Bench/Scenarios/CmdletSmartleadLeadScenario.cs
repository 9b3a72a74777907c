using System.Globalization;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 7 (issue 12): 40,000 leads, `Import-Csv | Add-SmartleadLead` in pwsh with default flags (Standard plan),
/// 200 ms latency, against a sandbox that enforces all three Standard windows (10/s, 60/min, 1,000/h) on arrival. The
/// 100 batches do not fit in one minute, so the 60 per minute window dominates: the run is compared with the ideal
/// client under the same windows (<see cref="IdealSchedule"/>). Bounds: achieved/effective limit >= 0.98, no 429,
/// every lead stored once.
/// </summary>
internal sealed class CmdletSmartleadLeadScenario : IBenchScenario
{
    private const int Leads = 40_000;
    private const int BatchSize = 400;

    public int Number => 7;

    public string Name => "pwsh: 40,000 Add-SmartleadLead, 200 ms, Standard windows";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Leads };
        string csv = Path.Combine(Path.GetTempPath(), $"campaignps-bench-cmdlet-leads-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        try
        {
            LeadSource.WriteCsv(csv, "cmdlet", Leads);
            await using ExternalSandbox sandbox = await ExternalSandbox.StartAsync("--latency-ms", "200");
            JsonElement result = await PwshScript.RunAsync("SmartleadLeads.ps1", "-ModulePath", ModuleUnderTest.Manifest, "-Root", sandbox.RootUri.ToString(), "-Csv", csv);
            long campaignId = result.GetProperty("campaignId").GetInt64();
            // Every request of the key counts against its windows (the campaign's create too), so the whole run is
            // compared with the ideal client making the same requests; the batches are counted on their own.
            ArrivalLog arrivals = await sandbox.ArrivalsAsync();
            IReadOnlyList<Arrival> posts = arrivals.All;
            Arrival[] admitted = posts.Where(p => p.Admitted).ToArray();
            int batches = arrivals.Where("POST", $"/campaigns/{campaignId}/leads").Count(p => p.Admitted);
            JsonElement stored = await sandbox.SmartleadCampaignAsync(campaignId);
            long storedLeads = stored.GetProperty("leadCount").GetInt64();

            double span = ArrivalLog.AdmittedSpanSeconds(posts);
            double ideal = IdealSchedule.SpanSeconds(admitted.Length, 10, new RateWindow(60, 60), new RateWindow(1000, 3600));
            report.Requests = Math.Max(0, admitted.Length - 1);
            report.Elapsed = TimeSpan.FromSeconds(span);
            report.LimitPerSecond = ideal > 0 ? (admitted.Length - 1) / ideal : null;
            report.ItemsLost = Leads - storedLeads;
            report.ItemsDuplicated = (long)result.GetProperty("inserted").GetInt64() - storedLeads;
            report.Metric("batches", batches);
            report.Metric("requests", admitted.Length);
            report.Metric("idealSpanSeconds", ideal);
            report.Metric("rateLimited429", posts.Count(p => p.StatusCode == 429));
            report.Metric("errors", result.GetProperty("errors").GetInt32());
            report.Require($"batches == {Leads / BatchSize}", batches == Leads / BatchSize, batches.ToString(CultureInfo.InvariantCulture));
            report.RequireAchievedOverLimit(0.98);
            report.Require("429 == 0", posts.Count(p => p.StatusCode == 429) == 0, posts.Count(p => p.StatusCode == 429).ToString(CultureInfo.InvariantCulture));
            report.RequireNothingLostOrDuplicated();
            return report;
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
