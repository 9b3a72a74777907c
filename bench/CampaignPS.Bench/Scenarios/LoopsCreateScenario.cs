using System.Globalization;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 1: 300 Loops creates (Import-Csv | New-LoopsCampaign -ThrottleLimit) against 150 ms latency
/// and a 10 req/s limit that the sandbox enforces; the client paces to the same limit.
/// Bound: achieved/limit >= 0.95, nothing lost or duplicated, results in input order.
/// </summary>
internal sealed class LoopsCreateScenario : IBenchScenario
{
    private const int Items = 300;
    private const int BaselineItems = 20;
    private const int Limit = 10;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    public int Number => 1;

    public string Name => "300 Loops creates, 150 ms, 10/s";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Items, LimitPerSecond = Limit };
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ResponseLatency = Latency, LoopsRequestsPerSecond = Limit });
        using var client = new LoopsClient(BenchConnections.Loops(sandbox, Limit));
        Func<string, CancellationToken, Task> create = (name, token) => client.CreateCampaignAsync(new NewLoopsCampaign { Name = name }, token);

        LoopsBulkRun baseline = await LoopsBulkRun.RunAsync(sandbox, "Sequential", BaselineItems, throttleLimit: 1, create);
        report.SequentialPerSecond = baseline.AdmittedPerSecond;

        int throttleLimit = BenchConnections.ThrottleFor(Limit, Latency);
        LoopsBulkRun bulk = await LoopsBulkRun.RunAsync(sandbox, "Bulk", Items, throttleLimit, create);
        LoopsReconciliation outcome = bulk.Ledger.Reconcile(sandbox.Loops);
        report.Elapsed = bulk.Run.Elapsed;
        report.Requests = bulk.Admitted;
        report.PeakManagedBytes = bulk.Run.PeakManagedBytes;
        report.ItemsLost = outcome.Lost;
        report.ItemsDuplicated = outcome.Duplicated;
        report.Metric("throttleLimit", throttleLimit);
        report.Metric("rateLimited429", bulk.Sent.Count(r => r.StatusCode == 429));
        report.RequireAchievedOverLimit(0.95);
        report.RequireNothingLostOrDuplicated();
        report.RequireInputOrder(bulk.Run.Value);
        return report;
    }
}
