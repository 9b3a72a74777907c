namespace CampaignPS.Engine.Pipeline;

/// <summary>
/// Runs up to <c>throttleLimit</c> requests at once for a stream of records and hands each
/// result back on the pipeline thread in input order, so a bulk cmdlet writes what a
/// sequential one would, only sooner. A throttle limit of 1 is the sequential behaviour; the limit
/// may change from record to record (it is read before each, see <see cref="InFlightLimit"/>).
/// Results that finish early wait (bounded) behind a slower earlier one. Each record's work and
/// delivery are typed by its own <see cref="Submit{T}"/> call, so records of different result
/// types can share one runner.
/// </summary>
public sealed class OrderedRunner
{
    private readonly PipelineBridge _bridge;
    private readonly Func<int> _throttleLimit;
    private readonly Queue<Entry> _queue = new Queue<Entry>();

    /// <summary>Creates a runner whose deliveries run on the thread that waits on <paramref name="bridge"/>.</summary>
    public OrderedRunner(PipelineBridge bridge, int throttleLimit)
        : this(bridge, FixedLimit(throttleLimit))
    {
    }

    /// <summary>Creates a runner whose limit is read before each record (at least 1 is always allowed).</summary>
    public OrderedRunner(PipelineBridge bridge, Func<int> throttleLimit)
    {
        _bridge = bridge ?? throw new ArgumentNullException(nameof(bridge));
        _throttleLimit = throttleLimit ?? throw new ArgumentNullException(nameof(throttleLimit));
    }

    /// <summary>Records started but not yet delivered.</summary>
    public int Pending => _queue.Count;

    /// <summary>
    /// Starts <paramref name="work"/> for one record, first waiting while the throttle limit is reached;
    /// <paramref name="deliver"/> gets its finished task, in input order, on the pipeline thread.
    /// </summary>
    public void Submit<T>(Func<CancellationToken, Task<T>> work, Action<Task<T>> deliver, CancellationToken cancellationToken)
    {
        if (work == null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        if (deliver == null)
        {
            throw new ArgumentNullException(nameof(deliver));
        }

        while (true)
        {
            List<Task> running = InFlight();
            int limit = Math.Max(1, _throttleLimit());
            if (running.Count < limit && _queue.Count < Math.Max(64, limit * 8))
            {
                break;
            }

            _bridge.WaitForAny(running.Count > 0 ? running : new List<Task> { _queue.Peek().Task });
            DeliverFinishedHead();
        }

        Task<T> task = _bridge.Start(work, cancellationToken);
        _queue.Enqueue(new Entry(task, () => deliver(task)));
        DeliverFinishedHead();
    }

    /// <summary>Waits for everything started and delivers it in order.</summary>
    public void Complete()
    {
        while (_queue.Count > 0)
        {
            _bridge.WaitForAny(new Task[] { _queue.Peek().Task });
            DeliverFinishedHead();
        }
    }

    private static Func<int> FixedLimit(int throttleLimit)
    {
        if (throttleLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit must be at least 1.");
        }

        return () => throttleLimit;
    }

    private List<Task> InFlight() => _queue.Where(q => !q.Task.IsCompleted).Select(q => q.Task).ToList();

    private void DeliverFinishedHead()
    {
        while (_queue.Count > 0 && _queue.Peek().Task.IsCompleted)
        {
            _queue.Dequeue().Deliver();
        }
    }

    private sealed class Entry
    {
        public Entry(Task task, Action deliver)
        {
            Task = task;
            Deliver = deliver;
        }

        public Task Task { get; }

        public Action Deliver { get; }
    }
}
