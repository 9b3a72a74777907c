namespace CampaignPS.Sandbox;

/// <summary>At most <see cref="Limit"/> requests in any sliding window of <see cref="Length"/>.</summary>
internal sealed record RateWindow(int Limit, TimeSpan Length);

/// <summary>Outcome of one admission; Limit and Remaining describe the window closest to its limit.
/// Reset is when that window next frees a slot (for a refused request: when a retry is admitted).</summary>
internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan RetryAfter, DateTimeOffset Reset);

/// <summary>The server side of a platform's rate limit: admits or refuses each arriving request (the engine's
/// RequestRateLimiter is the client's pacing). Sliding-window log with any number of windows (e.g. 10/s + 60/min
/// + 1000/h), counted separately per partition (the caller's API key). Refused requests do not count. Thread-safe.</summary>
internal sealed class ArrivalRateLimiter
{
    private readonly RateWindow[] _windows;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    public ArrivalRateLimiter(TimeProvider time, params RateWindow[] windows)
    {
        if (windows.Length == 0 || windows.Any(window => window.Limit < 1 || window.Length <= TimeSpan.Zero))
        {
            throw new ArgumentException("At least one window with a positive limit and length is required.", nameof(windows));
        }
        _time = time;
        _windows = windows;
    }

    public RateDecision TryAcquire(string partitionKey)
    {
        Partition partition;
        lock (_gate)
        {
            if (!_partitions.TryGetValue(partitionKey, out partition!))
            {
                partition = new Partition(_windows);
                _partitions.Add(partitionKey, partition);
            }
        }
        return partition.TryAcquire(_time.GetUtcNow());
    }

    public void Reset()
    {
        lock (_gate)
        {
            _partitions.Clear();
        }
    }

    private sealed class Partition(RateWindow[] windows)
    {
        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset>[] _admitted = windows.Select(_ => new Queue<DateTimeOffset>()).ToArray();

        public RateDecision TryAcquire(DateTimeOffset now)
        {
            lock (_gate)
            {
                for (var i = 0; i < windows.Length; i++)
                {
                    var admitted = _admitted[i];
                    while (admitted.Count > 0 && admitted.Peek() <= now - windows[i].Length)
                    {
                        admitted.Dequeue();
                    }
                }

                var retryAfter = TimeSpan.Zero;
                for (var i = 0; i < windows.Length; i++)
                {
                    if (_admitted[i].Count >= windows[i].Limit)
                    {
                        var freesAt = _admitted[i].Peek() + windows[i].Length;
                        retryAfter = TimeSpan.FromTicks(Math.Max(retryAfter.Ticks, (freesAt - now).Ticks));
                    }
                }

                var allowed = retryAfter == TimeSpan.Zero;
                if (allowed)
                {
                    foreach (var admitted in _admitted)
                    {
                        admitted.Enqueue(now);
                    }
                }

                var tightest = Enumerable.Range(0, windows.Length)
                    .MinBy(i => windows[i].Limit - _admitted[i].Count);
                var remaining = Math.Max(0, windows[tightest].Limit - _admitted[tightest].Count);
                var reset = !allowed ? now + retryAfter
                    : _admitted[tightest].Count > 0 ? _admitted[tightest].Peek() + windows[tightest].Length
                    : now;
                return new RateDecision(allowed, windows[tightest].Limit, remaining, retryAfter, reset);
            }
        }
    }
}
