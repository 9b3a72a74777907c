using System.Collections.Concurrent;

namespace CampaignPS.Engine.Pipeline;

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
    /// <summary>Writes one message. Only ever called on the thread that waits on the bridge.</summary>
    void Write(PipelineMessageKind kind, string text);
}

/// <summary>
/// Runs asynchronous engine work for one cmdlet invocation. PowerShell only accepts Write* calls
/// on the pipeline thread, so that thread waits here, running the callbacks (log lines,
/// progress) that the work posts from any thread, in the order they were posted. Work started
/// with <see cref="Start{T}"/> may run on while the cmdlet returns to PowerShell for the next
/// record; its callbacks are kept until the pipeline thread waits again.
/// </summary>
public sealed class PipelineBridge
{
    private static readonly AsyncLocal<PipelineBridge?> Ambient = new AsyncLocal<PipelineBridge?>();
    private readonly IPipelineWriter _writer;
    private readonly ConcurrentQueue<Action> _callbacks = new ConcurrentQueue<Action>();
    private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);

    /// <summary>Creates a bridge that writes through <paramref name="writer"/>.</summary>
    public PipelineBridge(IPipelineWriter writer)
        : this(writer, CancellationToken.None)
    {
    }

    /// <summary>
    /// Creates a bridge whose requests already on the wire are given up by <paramref name="inFlight"/> rather than by
    /// the token that stops the work: after Ctrl+C nothing new is sent, and what was sent gets a short grace to answer.
    /// </summary>
    public PipelineBridge(IPipelineWriter writer, CancellationToken inFlight)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        InFlight = inFlight;
    }

    /// <summary>Gives up requests already sent (see the constructor); <see cref="CancellationToken.None"/> when the work's own token does.</summary>
    public CancellationToken InFlight { get; }

    /// <summary>The bridge of the work currently running on this async flow, if any (used by the log provider).</summary>
    public static PipelineBridge? Current => Ambient.Value;

    /// <summary>Starts <paramref name="work"/> on the thread pool; its log lines and callbacks come back through this bridge.</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
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

    /// <summary>Starts <paramref name="work"/> and runs callbacks on this thread until it completes; returns its result or rethrows its exception.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Task<T> task = Start(work, cancellationToken);
        WaitForAny(new[] { task });
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs callbacks on this thread until at least one of <paramref name="tasks"/> has completed.</summary>
    public void WaitForAny(IReadOnlyCollection<Task> tasks)
    {
        if (tasks.Count == 0)
        {
            Drain();
            return;
        }

        Task.WhenAny(tasks).ContinueWith(_ => _wake.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            Drain();
            if (tasks.Any(t => t.IsCompleted))
            {
                Drain();
                return;
            }

            _wake.Wait();
        }
    }

    /// <summary>Queues <paramref name="callback"/> to run on the pipeline thread the next time it waits.</summary>
    public void Post(Action callback)
    {
        _callbacks.Enqueue(callback ?? throw new ArgumentNullException(nameof(callback)));
        _wake.Release();
    }

    /// <summary>Queues a message for the pipeline thread.</summary>
    public void Post(PipelineMessageKind kind, string text) => Post(() => _writer.Write(kind, text));

    private void Drain()
    {
        while (_callbacks.TryDequeue(out Action? callback))
        {
            callback();
        }
    }
}
