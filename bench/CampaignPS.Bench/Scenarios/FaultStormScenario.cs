using System.Globalization;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 4: a fault storm over Loops creates, each followed by a read of the created campaign:
/// 20% of reads answer 503, bursts of 429 with Retry-After 1 s arrive every few seconds, and 5% of
/// creates reach the server but lose their connection before the answer (outcome unknown).
/// Bound: nothing lost (every item created and reported, or reported LoopsOutcomeUnknown), nothing
/// duplicated (a create is never re-sent blindly), every unknown outcome reported, results in order.
/// </summary>
internal sealed class FaultStormScenario : IBenchScenario
{
    private const int Items = 150;
    private const int BaselineItems = 10;
    private const int Limit = 20;
    private const int ThrottleLimit = 8;
    private const int BurstSize = 5;
    private const string ApiPath = "/loops/api/v1/";
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan BurstEvery = TimeSpan.FromSeconds(3);

    public int Number => 4;

    public string Name => "Fault storm: 503s, 429 bursts, drops";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Items, LimitPerSecond = Limit };
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { ResponseLatency = Latency, LoopsRequestsPerSecond = Limit });
        sandbox.Faults.Add(new FaultRule { Method = "GET", PathPrefix = ApiPath, Kind = FaultKind.Status, StatusCode = 503, Probability = 0.2, Times = -1 });
        sandbox.Faults.Add(new FaultRule { Method = "POST", PathPrefix = ApiPath + "campaigns", Kind = FaultKind.DropConnection, When = FaultTiming.AfterHandler, Probability = 0.05, Times = -1 });
        using var client = new LoopsClient(BenchConnections.Loops(sandbox, Limit));
        int readFailures = 0;
        Func<string, CancellationToken, Task> createThenRead = async (name, token) =>
        {
            LoopsCampaign created = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = name }, token);
            try
            {
                LoopsCampaign read = await client.GetCampaignAsync(created.Id, token);
                if (read.Name != name)
                {
                    throw new InvalidOperationException($"Campaign {created.Id} reads back as '{read.Name}', not '{name}'.");
                }
            }
            catch (CampaignApiException)
            {
                // Reported to the user as a failed read of a campaign that exists: the item is not lost.
                Interlocked.Increment(ref readFailures);
            }
        };

        LoopsBulkRun baseline = await LoopsBulkRun.RunAsync(sandbox, "Sequential", BaselineItems, throttleLimit: 1, createThenRead);
        report.SequentialPerSecond = baseline.AdmittedPerSecond;

        int bursts = 0;
        var burst = new FaultRule { PathPrefix = ApiPath, Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), Times = BurstSize };
        LoopsBulkRun storm;
        using (new Timer(_ => { sandbox.Faults.Add(burst); Interlocked.Increment(ref bursts); }, null, BurstEvery, BurstEvery))
        {
            readFailures = 0;
            storm = await LoopsBulkRun.RunAsync(sandbox, "Storm", Items, ThrottleLimit, createThenRead);
        }

        LoopsReconciliation outcome = storm.Ledger.Reconcile(sandbox.Loops);
        long droppedCreates = storm.Sent.Count(r => r.Method == "POST" && r.StatusCode == 0);
        bool unknownsReported = outcome.Unknown == droppedCreates && outcome.UnknownLanded == outcome.Unknown && outcome.Unreported == 0;

        report.Elapsed = storm.Run.Elapsed;
        report.Requests = storm.Admitted;
        report.PeakManagedBytes = storm.Run.PeakManagedBytes;
        report.ItemsLost = outcome.Lost;
        report.ItemsDuplicated = outcome.Duplicated;
        report.Metric("throttleLimit", ThrottleLimit);
        report.Metric("unknownOutcomes", outcome.Unknown);
        report.Metric("droppedCreates", droppedCreates);
        report.Metric("otherFailures", outcome.Failed);
        report.Metric("status503", storm.Sent.Count(r => r.StatusCode == 503));
        report.Metric("rateLimited429", storm.Sent.Count(r => r.StatusCode == 429));
        report.Metric("burstsArmed", bursts);
        report.Metric("readsFailedAfterRetries", readFailures);
        report.RequireNothingLostOrDuplicated();
        report.Require("every unknown outcome reported", unknownsReported,
            string.Create(CultureInfo.InvariantCulture, $"{outcome.Unknown} reported / {droppedCreates} dropped / {outcome.Unreported} unreported"));
        report.RequireInputOrder(storm.Run.Value);
        return report;
    }
}
