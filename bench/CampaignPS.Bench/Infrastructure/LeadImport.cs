using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>The importer's totals after a run, how many batches failed, and what the pipeline thread saw.</summary>
internal readonly record struct LeadImportRun(SmartleadLeadImportResult Result, long FailedBatches, PipelineRun Pipeline);

/// <summary>
/// A lead import as Add-SmartleadLead runs it: leads stream into the importer, every full batch is
/// taken and sent through the ordered runner (several batches in flight), outcomes come back in order.
/// </summary>
internal static class LeadImport
{
    public static async Task<LeadImportRun> RunAsync(SmartleadClient client, long campaignId, IEnumerable<SmartleadLead> leads, int throttleLimit)
    {
        SmartleadLeadImporter importer = client.StartLeadImport(campaignId);
        long failedBatches = 0;
        PipelineRun pipeline = await OrderedPipeline.RunAsync(
            LeadSource.Batches(importer, leads),
            throttleLimit,
            (batch, token) => importer.SendAsync(batch, token),
            (_, outcome) =>
            {
                if (!outcome.IsCompletedSuccessfully || outcome.Result.Failure is not null)
                {
                    failedBatches++;
                }
            });
        return new LeadImportRun(importer.Result, failedBatches, pipeline);
    }

    /// <summary>The same reading, lead building and batching with nothing sent: the "empty run" to compare memory against.</summary>
    public static Task<long> ReadOnlyAsync(SmartleadClient client, long campaignId, IEnumerable<SmartleadLead> leads) =>
        Task.Factory.StartNew(() =>
        {
            long batches = 0;
            foreach (IReadOnlyList<SmartleadLead> _ in LeadSource.Batches(client.StartLeadImport(campaignId), leads))
            {
                batches++;
            }

            return batches;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
