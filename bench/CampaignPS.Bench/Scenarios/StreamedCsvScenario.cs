using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 3: 1,000,000 leads streamed line by line from a generated CSV (Import-Csv leads.csv |
/// Add-SmartleadLead), no latency and no limits, so the run is as fast as the machine allows.
/// The sandbox runs as its own process: in this one it would hold the million leads (and the request
/// log of their bodies) on the heap being measured. The "empty run" reads the same CSV, builds and
/// batches the same leads and sends nothing.
/// Bound: peak managed memory grows by less than 64 MB over the empty run; every lead stored exactly
/// once, in exactly 2,500 requests.
/// </summary>
internal sealed class StreamedCsvScenario : IBenchScenario
{
    private const int Leads = 1_000_000;
    private const int BaselineBatches = 20;
    private const int ExpectedRequests = Leads / 400;
    private const int ThrottleLimit = 4;
    private const long GrowthBound = 64L * 1024 * 1024;

    public int Number => 3;

    public string Name => "1,000,000 leads streamed from CSV";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Leads };
        string csv = Path.Combine(Path.GetTempPath(), $"campaignps-bench-leads-{Environment.ProcessId}.csv");
        try
        {
            var writing = Stopwatch.StartNew();
            LeadSource.WriteCsv(csv, "csv", Leads);
            report.Metric("csvWriteSeconds", writing.Elapsed.TotalSeconds);
            report.Metric("csvMegabytes", new FileInfo(csv).Length / 1048576.0);

            await using ExternalSandbox sandbox = await ExternalSandbox.StartAsync("--no-rate-limit");
            using var client = new SmartleadClient(BenchConnections.Smartlead(sandbox.SmartleadBaseUri, 0));
            long sequentialCampaign = (await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Sequential baseline" })).Id;
            long bulkCampaign = (await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Streamed import" })).Id;

            Measured<long> empty = await Measurement.RunAsync(() => LeadImport.ReadOnlyAsync(client, bulkCampaign, LeadSource.ReadCsv(csv)));
            report.Metric("emptyRunSeconds", empty.Elapsed.TotalSeconds);
            report.Metric("emptyRunPeakMB", empty.PeakManagedBytes / 1048576.0);

            Measured<LeadImportRun> baseline = await Measurement.RunAsync(() => LeadImport.RunAsync(client, sequentialCampaign, LeadSource.Generate("seq", BaselineBatches * 400), 1));
            report.SequentialPerSecond = baseline.Value.Result.Batches / baseline.Elapsed.TotalSeconds;

            Measured<LeadImportRun> bulk = await Measurement.RunAsync(() => LeadImport.RunAsync(client, bulkCampaign, LeadSource.ReadCsv(csv), ThrottleLimit));
            JsonElement stored = await sandbox.SmartleadCampaignAsync(bulkCampaign);
            long storedLeads = stored.GetProperty("leadCount").GetInt64();
            long leadPosts = stored.GetProperty("leadPostCount").GetInt64();
            long growth = bulk.PeakManagedBytes - empty.PeakManagedBytes;

            report.Elapsed = bulk.Elapsed;
            report.Requests = leadPosts;
            report.PeakManagedBytes = bulk.PeakManagedBytes;
            report.ItemsLost = Leads - storedLeads;
            report.ItemsDuplicated = bulk.Value.Result.Duplicates; // a lead sent twice comes back as a duplicate (the sandbox keeps one per e-mail)
            report.Metric("throttleLimit", ThrottleLimit);
            report.Metric("memoryGrowthMB", growth / 1048576.0);
            report.Metric("failedBatches", bulk.Value.FailedBatches);
            report.Require("memory growth < 64 MB", growth < GrowthBound, (growth / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB");
            report.Require($"requests == {ExpectedRequests}", leadPosts == ExpectedRequests, leadPosts.ToString(CultureInfo.InvariantCulture));
            report.RequireNothingLostOrDuplicated();
            report.RequireInputOrder(bulk.Value.Pipeline);
            return report;
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
