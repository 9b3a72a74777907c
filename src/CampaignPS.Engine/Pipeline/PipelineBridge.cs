using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace CampaignPS.Engine.Pipeline
{
    /// <summary>The kinds of message a cmdlet can write besides output.</summary>
    public enum PipelineMessageKind
    {
        /// <summary>-Verbose.</summary>
        Verbose,
        /// <summary>-Debug.</summary>
        Debug,
        /// <summary>Write-Warning.</summary>
        Warning,
    }

    /// <summary>Where a bridge delivers messages; implemented by the cmdlet base with WriteVerbose/WriteDebug/WriteWarning.</summary>
    public interface IPipelineWriter
    {
        /// <summary>Writes one message. Only ever called on the thread that called <see cref="PipelineBridge.Run{T}"/>.</summary>
        void Write(PipelineMessageKind kind, string text);
    }

    /// <summary>
    /// Runs asynchronous engine work from a cmdlet. PowerShell only accepts Write* calls on the
    /// pipeline thread, so the calling thread waits here draining a queue: messages and other
    /// callbacks posted by the work (from any thread) run on the caller's thread, in order.
    /// </summary>
    public sealed class PipelineBridge
    {
        private static readonly AsyncLocal<PipelineBridge?> Ambient = new AsyncLocal<PipelineBridge?>();
        private readonly IPipelineWriter _writer;
        private readonly object _gate = new object();
        private BlockingCollection<Action>? _queue;

        /// <summary>Creates a bridge that writes through <paramref name="writer"/>.</summary>
        public PipelineBridge(IPipelineWriter writer) => _writer = writer ?? throw new ArgumentNullException(nameof(writer));

        /// <summary>The bridge of the work currently running on this async flow, if any (used by the log provider).</summary>
        public static PipelineBridge? Current => Ambient.Value;

        /// <summary>
        /// Starts <paramref name="work"/> on the thread pool and runs posted callbacks on this thread until it
        /// completes; then returns its result or rethrows its exception.
        /// </summary>
        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            using var queue = new BlockingCollection<Action>();
            lock (_gate)
            {
                if (_queue != null)
                {
                    throw new InvalidOperationException("PipelineBridge.Run is not re-entrant.");
                }

                _queue = queue;
            }

            try
            {
                Task<T> task = StartWithAmbient(work, cancellationToken);
                task.ContinueWith(_ => Complete(queue), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                foreach (Action callback in queue.GetConsumingEnumerable())
                {
                    callback();
                }

                return task.GetAwaiter().GetResult();
            }
            finally
            {
                lock (_gate)
                {
                    _queue = null;
                }
            }
        }

        /// <summary>Queues <paramref name="callback"/> to run on the pipeline thread; dropped when no work is running.</summary>
        public void Post(Action callback)
        {
            lock (_gate)
            {
                if (_queue != null && !_queue.IsAddingCompleted)
                {
                    _queue.Add(callback);
                }
            }
        }

        /// <summary>Queues a message for the pipeline thread.</summary>
        public void Post(PipelineMessageKind kind, string text) => Post(() => _writer.Write(kind, text));

        private Task<T> StartWithAmbient<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            PipelineBridge? previous = Ambient.Value;
            Ambient.Value = this;
            try
            {
                return Task.Run(() => work(cancellationToken), cancellationToken);
            }
            finally
            {
                Ambient.Value = previous;
            }
        }

        private void Complete(BlockingCollection<Action> queue)
        {
            lock (_gate)
            {
                queue.CompleteAdding();
            }
        }
    }
}
