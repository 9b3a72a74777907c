using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CampaignPS.Engine.Pipeline
{
    /// <summary>
    /// Runs up to <c>throttleLimit</c> requests at once for a stream of records and hands each
    /// result back on the pipeline thread in input order, so a bulk cmdlet writes what a
    /// sequential one would, only sooner. A throttle limit of 1 is the sequential behaviour.
    /// Results that finish early wait (bounded) behind a slower earlier one.
    /// </summary>
    public sealed class OrderedRunner<TItem, TResult>
    {
        private readonly PipelineBridge _bridge;
        private readonly int _throttleLimit;
        private readonly int _maxWaiting;
        private readonly Action<TItem, Task<TResult>> _deliver;
        private readonly Queue<(TItem Item, Task<TResult> Task)> _queue = new Queue<(TItem Item, Task<TResult> Task)>();

        /// <summary>Creates a runner; <paramref name="deliver"/> gets each record and its finished task, in input order, on the pipeline thread.</summary>
        public OrderedRunner(PipelineBridge bridge, int throttleLimit, Action<TItem, Task<TResult>> deliver)
        {
            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit must be at least 1.");
            }

            _bridge = bridge ?? throw new ArgumentNullException(nameof(bridge));
            _throttleLimit = throttleLimit;
            _maxWaiting = Math.Max(64, throttleLimit * 8);
            _deliver = deliver ?? throw new ArgumentNullException(nameof(deliver));
        }

        /// <summary>Records started but not yet delivered.</summary>
        public int Pending => _queue.Count;

        /// <summary>Starts the work for one record, first waiting while the throttle limit is reached.</summary>
        public void Submit(TItem item, Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        {
            while (true)
            {
                List<Task> running = InFlight();
                if (running.Count < _throttleLimit && _queue.Count < _maxWaiting)
                {
                    break;
                }

                _bridge.WaitForAny(running.Count > 0 ? running : new List<Task> { _queue.Peek().Task });
                DeliverFinishedHead();
            }

            _queue.Enqueue((item, _bridge.Start(work, cancellationToken)));
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

        private List<Task> InFlight() => _queue.Where(q => !q.Task.IsCompleted).Select(q => (Task)q.Task).ToList();

        private void DeliverFinishedHead()
        {
            while (_queue.Count > 0 && _queue.Peek().Task.IsCompleted)
            {
                (TItem item, Task<TResult> task) = _queue.Dequeue();
                _deliver(item, task);
            }
        }
    }
}
