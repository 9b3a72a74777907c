using System.Diagnostics;
using System.Globalization;

namespace CampaignPS.Engine.Http;

/// <summary>A documented rate limit: at most <see cref="Limit"/> requests in any <see cref="Period"/>.</summary>
public sealed class RateLimitWindow
{
    /// <summary>Creates a window.</summary>
    public RateLimitWindow(int limit, TimeSpan period)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), "A rate limit allows at least one request.");
        }

        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), "A rate limit's period must be positive.");
        }

        Limit = limit;
        Period = period;
    }

    /// <summary>Requests allowed per period.</summary>
    public int Limit { get; }

    /// <summary>The length of the window.</summary>
    public TimeSpan Period { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Limit} per {Period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}

/// <summary>
/// Paces the requests of one connection so that they stay under every documented window, and
/// holds every caller back when the server says the window is spent (429, Retry-After,
/// x-ratelimit-remaining 0 with a reset time). Thread-safe: one instance is shared by everything
/// that uses the connection, in any runspace. The shortest window is met by even spacing (so
/// requests never bunch up), and every documented window also by a sliding log of when requests
/// left: a request that left late (a busy machine, a GC pause) holds back the one a window after
/// it, which even spacing alone would send on time, so the server never sees one request too many
/// in a window. Each caller reserves the next free slot, so callers are served in order.
/// </summary>
public sealed class RequestRateLimiter
{
    // Network jitter can make two requests arrive closer together than they were sent: stay a little under the limit.
    private const double Headroom = 0.97;

    private readonly object _gate = new object();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _interval;
    private readonly List<(RateLimitWindow Window, Queue<Slot> Slots)> _logs;
    private TimeSpan _lastSlot = TimeSpan.MinValue;
    private TimeSpan _pausedUntil;

    /// <summary>Allows <paramref name="requestsPerSecond"/> evenly spaced.</summary>
    public RequestRateLimiter(double requestsPerSecond)
    {
        if (requestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The rate must be positive.");
        }

        RequestsPerSecond = requestsPerSecond;
        Windows = new[] { new RateLimitWindow(Math.Max(1, (int)Math.Round(requestsPerSecond)), TimeSpan.FromSeconds(1)) };
        _interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / requestsPerSecond));
        // The one-second log as well: a request that left late (a busy machine) holds back the next ones, so
        // late departures never bunch up into more than the rate within a second.
        _logs = Windows.Select(w => (w, new Queue<Slot>(w.Limit))).ToList();
    }

    /// <summary>Stays under every one of <paramref name="windows"/> (e.g. 10 per second, 60 per minute, 1,000 per hour).</summary>
    public RequestRateLimiter(IEnumerable<RateLimitWindow> windows)
    {
        Windows = (windows ?? throw new ArgumentNullException(nameof(windows))).OrderBy(w => w.Period).ToList();
        if (Windows.Count == 0)
        {
            throw new ArgumentException("At least one window is needed.", nameof(windows));
        }

        RateLimitWindow shortest = Windows[0];
        RequestsPerSecond = shortest.Limit / shortest.Period.TotalSeconds * Headroom;
        _interval = TimeSpan.FromTicks((long)(shortest.Period.Ticks / (shortest.Limit * Headroom)));
        _logs = Windows.Select(w => (w, new Queue<Slot>(w.Limit))).ToList();
    }

    /// <summary>The even-spacing rate (requests per second) for the shortest window.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>The windows the limiter keeps to.</summary>
    public IReadOnlyList<RateLimitWindow> Windows { get; }

    /// <summary>The even spacing between two requests (the shortest window, with headroom).</summary>
    public TimeSpan Interval => _interval;

    /// <summary>True when one of <see cref="Windows"/> allows <paramref name="limit"/> requests (the window a server's x-ratelimit-limit names).</summary>
    public bool Keeps(int? limit) => limit.HasValue && Windows.Any(w => w.Limit == limit.Value);

    /// <summary>Waits until this caller may send a request.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        (TimeSpan wait, Slot slot) = Reserve();
        return wait > TimeSpan.Zero ? WaitForSlotAsync(wait, slot, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Holds every caller back for <paramref name="wait"/> from now (the server's window is spent). The handle lets the
    /// caller that asked for the pause take it back when it gives up waiting (Ctrl+C), so the connection is free again.
    /// </summary>
    public RateLimitPause Pause(TimeSpan wait)
    {
        lock (_gate)
        {
            TimeSpan previous = _pausedUntil;
            TimeSpan until = _clock.Elapsed + wait;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            return new RateLimitPause(previous, _pausedUntil);
        }
    }

    /// <summary>Takes back a pause that nobody else has extended since (the request that asked for it was cancelled).</summary>
    public void Release(RateLimitPause pause)
    {
        lock (_gate)
        {
            if (_pausedUntil == pause.Until)
            {
                _pausedUntil = pause.Previous;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Windows);

    // The caller sends when it next runs, which on a busy machine can be well after its slot: log when it really left.
    private async Task WaitForSlotAsync(TimeSpan wait, Slot slot, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            GiveBack(slot);
            throw;
        }

        lock (_gate)
        {
            slot.At = Max(slot.At, _clock.Elapsed);
        }
    }

    // A caller that stopped waiting never sends: its slot must not hold back the callers after it (after Ctrl+C the
    // next command on the connection would otherwise wait for slots nobody uses).
    private void GiveBack(Slot slot)
    {
        lock (_gate)
        {
            TimeSpan latest = TimeSpan.MinValue;
            for (int i = 0; i < _logs.Count; i++)
            {
                (RateLimitWindow window, Queue<Slot> slots) = _logs[i];
                var kept = new Queue<Slot>(slots.Where(s => !ReferenceEquals(s, slot)));
                _logs[i] = (window, kept);
                if (i == 0 && kept.Count > 0)
                {
                    latest = kept.Max(s => s.At);
                }
            }

            if (_lastSlot == slot.At)
            {
                _lastSlot = latest;
            }
        }
    }

    private (TimeSpan Wait, Slot Slot) Reserve()
    {
        lock (_gate)
        {
            TimeSpan now = _clock.Elapsed;
            TimeSpan slot = Max(now, _pausedUntil);
            if (_lastSlot != TimeSpan.MinValue)
            {
                slot = Max(slot, _lastSlot + _interval);
            }

            foreach ((RateLimitWindow window, Queue<Slot> slots) in _logs)
            {
                if (slots.Count >= window.Limit)
                {
                    // The oldest request in the log must have left the window (plus a little headroom) first.
                    TimeSpan margin = TimeSpan.FromTicks((long)(window.Period.Ticks * (1 - Headroom)));
                    slot = Max(slot, slots.Peek().At + window.Period + margin);
                }
            }

            var reserved = new Slot(slot);
            foreach ((RateLimitWindow window, Queue<Slot> slots) in _logs)
            {
                slots.Enqueue(reserved);
                while (slots.Count > window.Limit)
                {
                    slots.Dequeue();
                }
            }

            _lastSlot = slot;
            return (slot - now, reserved);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // When a request was allowed to leave, then (once its wait is over) when it really left. Guarded by _gate.
    private sealed class Slot
    {
        public Slot(TimeSpan at) => At = at;

        public TimeSpan At { get; set; }
    }
}

/// <summary>A pause of a <see cref="RequestRateLimiter"/>, for <see cref="RequestRateLimiter.Release"/>.</summary>
public sealed class RateLimitPause
{
    internal RateLimitPause(TimeSpan previous, TimeSpan until)
    {
        Previous = previous;
        Until = until;
    }

    internal TimeSpan Previous { get; }

    internal TimeSpan Until { get; }
}
