using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>
/// One measured bulk run of Loops work (one item per campaign name) through the ordered pipeline:
/// what the pipeline saw, what reached the sandbox, and the ledger of reported outcomes.
/// </summary>
internal sealed record LoopsBulkRun(Measured<PipelineRun> Run, IReadOnlyList<SandboxRequest> Sent, LoopsLedger Ledger)
{
    /// <summary>Requests the sandbox let through during the run.</summary>
    public long Admitted => Sent.Count(SandboxRequests.Admitted);

    public double AdmittedPerSecond => Admitted / Run.Elapsed.TotalSeconds;

    public static async Task<LoopsBulkRun> RunAsync(SandboxServer sandbox, string prefix, int count, int throttleLimit, Func<string, CancellationToken, Task> work)
    {
        var ledger = new LoopsLedger(prefix);
        var log = SandboxRequests.From(sandbox);
        Measured<PipelineRun> run = await Measurement.RunAsync(() => OrderedPipeline.RunAsync(
            ledger.Names(count),
            throttleLimit,
            async (name, token) =>
            {
                await work(name, token);
                return true;
            },
            ledger.Deliver));
        return new LoopsBulkRun(run, log.Since(), ledger);
    }
}
