using CampaignPS.Engine.Pipeline;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>What the pipeline thread saw: how many results it delivered and whether they came in input order.</summary>
internal readonly record struct PipelineRun(long Delivered, bool InInputOrder);

/// <summary>
/// Drives work the way a bulk cmdlet does (CampaignCmdlet.SubmitOrdered): one thread plays the
/// PowerShell pipeline thread, submits every record to an <see cref="OrderedRunner"/>
/// behind a <see cref="PipelineBridge"/>, and receives the results there, in input order.
/// </summary>
internal static class OrderedPipeline
{
    public static Task<PipelineRun> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int throttleLimit,
        Func<TItem, CancellationToken, Task<TResult>> work,
        Action<TItem, Task<TResult>> deliver,
        CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() =>
        {
            long submitted = 0;
            long delivered = 0;
            bool inOrder = true;
            var bridge = new PipelineBridge(NullWriter.Instance);
            var runner = new OrderedRunner(bridge, throttleLimit);
            foreach (TItem item in items)
            {
                long index = submitted++;
                runner.Submit(token => work(item, token), task =>
                {
                    inOrder &= index == delivered;
                    delivered++;
                    deliver(item, task);
                }, cancellationToken);
            }

            runner.Complete();
            return new PipelineRun(delivered, inOrder && delivered == submitted);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private sealed class NullWriter : IPipelineWriter
    {
        public static readonly NullWriter Instance = new();

        public void Write(PipelineMessageKind kind, string text)
        {
        }
    }
}
