using System.Globalization;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 2: 100,000 leads into one Smartlead campaign (Add-SmartleadLead -ThrottleLimit), batches of
/// 400 with several in flight, 200 ms latency, 10 req/s enforced by the sandbox (per-minute and
/// per-hour windows set out of reach) and kept by the client.
/// Bound: exactly 250 add-leads requests admitted, achieved/limit >= 0.95, every lead stored once.
/// </summary>
internal sealed class SmartleadLeadScenario : IBenchScenario
{
    private const int Leads = 100_000;
    private const int BaselineBatches = 20;
    private const int Limit = 10;
    private const int ExpectedRequests = Leads / 400;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    public int Number => 2;

    public string Name => "100,000 Smartlead leads, 200 ms, 10/s";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Leads, LimitPerSecond = Limit };
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            ResponseLatency = Latency,
            SmartleadRequestsPerSecond = Limit,
            SmartleadRequestsPerMinute = 1_000_000,
            SmartleadRequestsPerHour = 1_000_000,
        });
        using var client = new SmartleadClient(BenchConnections.Smartlead(sandbox.SmartleadBaseUri, Limit));
        long sequentialCampaign = (await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Sequential baseline" })).Id;
        long bulkCampaign = (await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Bulk import" })).Id;

        (Measured<LeadImportRun> baseline, IReadOnlyList<SandboxRequest> baselineSent) =
            await ImportAsync(sandbox, client, sequentialCampaign, LeadSource.Generate("seq", BaselineBatches * 400), throttleLimit: 1);
        report.SequentialPerSecond = baselineSent.Count(SandboxRequests.Admitted) / baseline.Elapsed.TotalSeconds;

        int throttleLimit = BenchConnections.ThrottleFor(Limit, Latency) + 2; // 400-lead bodies add serialisation time to each round trip
        (Measured<LeadImportRun> bulk, IReadOnlyList<SandboxRequest> sent) =
            await ImportAsync(sandbox, client, bulkCampaign, LeadSource.Generate("bulk", Leads), throttleLimit);
        int stored = sandbox.Smartlead.LeadCount(bulkCampaign);

        report.Elapsed = bulk.Elapsed;
        report.Requests = sent.Count(SandboxRequests.Admitted);
        report.PeakManagedBytes = bulk.PeakManagedBytes;
        report.ItemsLost = Leads - stored;
        report.ItemsDuplicated = bulk.Value.Result.Duplicates;
        report.Metric("throttleLimit", throttleLimit);
        report.Metric("rateLimited429", sent.Count(r => r.StatusCode == 429));
        report.Metric("failedBatches", bulk.Value.FailedBatches);
        report.Require($"requests == {ExpectedRequests}", report.Requests == ExpectedRequests, report.Requests.ToString(CultureInfo.InvariantCulture));
        report.RequireAchievedOverLimit(0.95);
        report.RequireNothingLostOrDuplicated();
        report.RequireInputOrder(bulk.Value.Pipeline);
        return report;
    }

    private static async Task<(Measured<LeadImportRun> Run, IReadOnlyList<SandboxRequest> Sent)> ImportAsync(
        SandboxServer sandbox, SmartleadClient client, long campaignId, IEnumerable<SmartleadLead> leads, int throttleLimit)
    {
        var log = SandboxRequests.From(sandbox);
        Measured<LeadImportRun> run = await Measurement.RunAsync(() => LeadImport.RunAsync(client, campaignId, leads, throttleLimit));
        return (run, log.Since());
    }
}
