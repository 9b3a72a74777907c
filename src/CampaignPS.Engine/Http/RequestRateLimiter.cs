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
/// Paces the requests of one key so that a server counting arrivals in sliding windows never sees one too many, and
/// learns from the server what it really allows. Thread-safe: one instance is shared by every connection made with
/// the key in the process (see SharedRateLimiters).
/// <list type="bullet">
/// <item>Requests leave evenly spaced at the shortest window's rate, and every window is also kept by a sliding log
/// of when requests really left: one that left late (a busy machine, a GC pause) holds back the one a window after
/// it. A small margin per window covers arrivals that come closer together than departures; a 429 that the log
/// says should not have happened (timing skew) widens it, and it narrows again after a long clean run.</item>
/// <item>x-ratelimit-limit below the documented burst limit is taken as the server's limit at once; a 429 on a
/// request sent at the current pace lowers the pace to what the server admitted in the window before it (another
/// client on the key, a lower plan), then probes back up one step at a time, waiting longer after each probe the
/// server refuses. Never above the documented limits, nor above a limit the server stated.</item>
/// <item>Callers are served in order. Every change (a lower pace, a server pause, a late departure, a caller that
/// gave up) re-plans the slots of the callers still waiting, so none leaves at a pace that is no longer true.</item>
/// </list>
/// </summary>
public sealed class RequestRateLimiter
{
    private static readonly TimeSpan InitialMargin = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxMargin = TimeSpan.FromMilliseconds(80);
    private static readonly TimeSpan FirstRecoveryDelay = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxRecoveryDelay = TimeSpan.FromMinutes(5);
    private const int CleanRunBeforeNarrowing = 500;
    private const int RoundTripsKept = 15;

    private readonly object _gate = new object();
    private readonly PacingClock _clock;
    private readonly RateLimitWindow _burst;
    private readonly double _documentedBurstLimit;
    private readonly int _longestLimit;
    private readonly List<PacedSend> _sends = new List<PacedSend>();
    private TimeSpan _pausedUntil;
    private TimeSpan _margin = InitialMargin;
    private int? _statedLimit;
    private int? _inferredLimit;
    private TimeSpan _adjustedAt = TimeSpan.MinValue;
    private TimeSpan _recoveryDelay = FirstRecoveryDelay;
    private TimeSpan _lastIncreaseAt = TimeSpan.MinValue;
    private int _cleanRun;
    private readonly Queue<TimeSpan> _roundTrips = new Queue<TimeSpan>();

    /// <summary>Allows <paramref name="requestsPerSecond"/> evenly spaced (a rate the user chose).</summary>
    public RequestRateLimiter(double requestsPerSecond)
        : this(requestsPerSecond, PacingClock.System)
    {
    }

    internal RequestRateLimiter(double requestsPerSecond, PacingClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (requestsPerSecond <= 0 || double.IsNaN(requestsPerSecond) || double.IsInfinity(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The rate must be positive.");
        }

        _burst = new RateLimitWindow(Math.Max(1, (int)Math.Ceiling(requestsPerSecond)), TimeSpan.FromSeconds(1));
        _documentedBurstLimit = requestsPerSecond;
        Windows = new[] { _burst };
        _longestLimit = _burst.Limit;
    }

    /// <summary>Stays under every one of <paramref name="windows"/> (e.g. 10 per second, 60 per minute, 1,000 per hour).</summary>
    public RequestRateLimiter(IEnumerable<RateLimitWindow> windows)
        : this(windows, PacingClock.System)
    {
    }

    internal RequestRateLimiter(IEnumerable<RateLimitWindow> windows, PacingClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Windows = (windows ?? throw new ArgumentNullException(nameof(windows))).OrderBy(w => w.Period).ToList();
        if (Windows.Count == 0)
        {
            throw new ArgumentException("At least one window is needed.", nameof(windows));
        }

        _burst = Windows[0];
        _documentedBurstLimit = _burst.Limit;
        _longestLimit = Windows.Max(w => w.Limit);
    }

    /// <summary>The documented (or chosen) windows the limiter never goes above.</summary>
    public IReadOnlyList<RateLimitWindow> Windows { get; }

    /// <summary>The rate requests leave at now (requests per second): the documented one, or lower when the server said or showed so.</summary>
    public double RequestsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.TicksPerSecond / (double)IntervalLocked().Ticks;
            }
        }
    }

    /// <summary>The even spacing between two requests now (the shortest window's period and margin over its current limit).</summary>
    public TimeSpan Interval
    {
        get
        {
            lock (_gate)
            {
                return IntervalLocked();
            }
        }
    }

    /// <summary>The burst limit the server stated (x-ratelimit-limit) or showed (429s) when lower than documented; null when it agrees.</summary>
    public int? LearnedLimit
    {
        get
        {
            lock (_gate)
            {
                return LearnedLimitLocked();
            }
        }
    }

    /// <summary>True when the pacing keeps a window of <paramref name="limit"/> requests (the window a server's x-ratelimit-limit names).</summary>
    public bool Keeps(int? limit)
    {
        if (!limit.HasValue)
        {
            return false;
        }

        lock (_gate)
        {
            return Windows.Any(w => w.Limit == limit.Value) || LearnedLimitLocked() == limit.Value;
        }
    }

    /// <summary>Waits until this caller may send a request; report what came back with <see cref="Observe"/>.</summary>
    public async Task<PacedSend> WaitAsync(CancellationToken cancellationToken)
    {
        PacedSend send;
        TimeSpan wait;
        lock (_gate)
        {
            TimeSpan now = _clock.Now();
            send = new PacedSend(now);
            _sends.Add(send);
            send.Scheduled = Earliest(_sends.Count - 1, send.ReservedAt);
            wait = TryDepart(send, now);
        }

        while (wait > TimeSpan.Zero)
        {
            try
            {
                await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                GiveBack(send);
                throw;
            }

            lock (_gate)
            {
                // The slot may have moved later meanwhile (a lower pace, a server pause): wait for where it is now.
                wait = TryDepart(send, _clock.Now());
            }
        }

        return send;
    }

    /// <summary>
    /// What the server answered to a paced request: its status (null when no answer came) and rate-limit headers.
    /// A stated lower limit lowers the pace at once; a 429 that the pacing did not foresee lowers it or widens the margin.
    /// </summary>
    public void Observe(PacedSend send, int? status, RateLimitSignal signal)
    {
        if (send == null)
        {
            throw new ArgumentNullException(nameof(send));
        }

        lock (_gate)
        {
            TimeSpan now = _clock.Now();
            send.Refused = status == 429;
            bool changed = status.HasValue && RecordRoundTrip(send, now);
            changed |= LearnStatedLimit(signal?.Limit);
            if (send.Refused)
            {
                changed |= LearnFromRefusal(send, now);
            }
            else if (status.HasValue)
            {
                changed |= Recover(now);
            }

            if (changed)
            {
                Replan(0);
            }
        }
    }

    /// <summary>
    /// Holds every caller back for <paramref name="wait"/> from now (the server's window is spent), those already
    /// waiting included. The handle lets the caller that asked for the pause take it back when it gives up waiting
    /// (Ctrl+C), so the connection is free again.
    /// </summary>
    public RateLimitPause Pause(TimeSpan wait)
    {
        lock (_gate)
        {
            TimeSpan previous = _pausedUntil;
            TimeSpan until = _clock.Now() + wait;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                Replan(0);
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
                Replan(0);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_gate)
        {
            int? learned = LearnedLimitLocked();
            IEnumerable<string> windows = Windows.Select(w => w == _burst && learned.HasValue
                ? $"{learned.Value} per {w.Period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (as the server {(_statedLimit.HasValue ? "states" : "enforces")}; documented {w.Limit})"
                : w.ToString());
            return string.Join(", ", windows);
        }
    }

    private TimeSpan IntervalLocked()
    {
        double limit = LearnedLimitLocked() ?? _documentedBurstLimit;
        return TimeSpan.FromTicks((long)Math.Ceiling((_burst.Period + _margin).Ticks / limit));
    }

    private int? LearnedLimitLocked()
    {
        int? learned = _statedLimit.HasValue && _inferredLimit.HasValue ? Math.Min(_statedLimit.Value, _inferredLimit.Value) : _statedLimit ?? _inferredLimit;
        return learned.HasValue && learned.Value < _documentedBurstLimit ? learned : null;
    }

    private int BurstLimitLocked() => LearnedLimitLocked() ?? _burst.Limit;

    // Departs when the slot has come (logging when the request really left) and returns zero; else the time still to wait.
    private TimeSpan TryDepart(PacedSend send, TimeSpan now)
    {
        if (send.Scheduled <= now)
        {
            // Judged again with what is known now (answers that came in while it waited).
            send.Scheduled = Max(send.Scheduled, Earliest(_sends.IndexOf(send), send.ReservedAt));
        }

        if (send.Scheduled > now)
        {
            return send.Scheduled - now;
        }

        send.Departed = true;
        send.LeftAt = now;
        if (now - send.Scheduled > Half(_margin))
        {
            // The windows count from when requests left: the callers a window after this one must wait a little longer.
            Replan(_sends.IndexOf(send) + 1);
        }

        Trim();
        return TimeSpan.Zero;
    }

    private void GiveBack(PacedSend send)
    {
        lock (_gate)
        {
            int index = _sends.IndexOf(send);
            if (index >= 0 && !send.Departed)
            {
                _sends.RemoveAt(index);
                Replan(index);
            }
        }
    }

    // The earliest a request at position index of the log may leave: after the pause, one interval after the one
    // before it was due, and one window (plus the margin) after the request a window's limit earlier really left.
    private TimeSpan Earliest(int index, TimeSpan reservedAt)
    {
        TimeSpan slot = Max(reservedAt, _pausedUntil);
        if (index > 0)
        {
            slot = Max(slot, _sends[index - 1].Scheduled + IntervalLocked());
        }

        foreach (RateLimitWindow window in Windows)
        {
            int limit = window == _burst ? BurstLimitLocked() : window.Limit;
            int earlier = index - limit;
            if (earlier >= 0)
            {
                // A window and the margin after the earlier one was due; when it left (or arrived) later than half the
                // margin, a window and half the margin after that (the other half still covers arrivals bunching up).
                PacedSend before = _sends[earlier];
                slot = Max(slot, Max(before.Scheduled + window.Period + _margin, ArrivalTime(before) + window.Period + Half(_margin)));
            }
        }

        return slot;
    }

    // Plans again every slot from index on that has not left yet (they may only move later, except after a give-back).
    private void Replan(int index)
    {
        for (int i = Math.Max(0, index); i < _sends.Count; i++)
        {
            PacedSend send = _sends[i];
            if (!send.Departed)
            {
                send.Scheduled = Earliest(i, send.ReservedAt);
            }
        }
    }

    // Keeps what the longest window needs to look back on, and everything still waiting.
    private void Trim()
    {
        int excess = _sends.Count - (_longestLimit + 1);
        int removable = 0;
        while (removable < excess && _sends[removable].Departed)
        {
            removable++;
        }

        if (removable > 64)
        {
            _sends.RemoveRange(0, removable);
        }
    }

    // Keeps the round trip for judging whether a request arrived late; a round trip well above the usual one makes
    // the requests a window after it wait (see ArrivalTime).
    private bool RecordRoundTrip(PacedSend send, TimeSpan now)
    {
        if (!send.Departed)
        {
            return false;
        }

        send.RoundTrip = now - send.LeftAt;
        _roundTrips.Enqueue(send.RoundTrip.Value);
        if (_roundTrips.Count > RoundTripsKept)
        {
            _roundTrips.Dequeue();
        }

        return ArrivalTime(send) > send.LeftAt;
    }

    // When a request may have reached the server: when it left, or, when its answer took longer than usual (a
    // connection being opened, code running for the first time, a busy machine between the limiter and the wire),
    // that much later, less half the margin. Judged with the usual round trip of now, so an early slow answer is
    // judged again once the usual is known.
    private TimeSpan ArrivalTime(PacedSend send)
    {
        if (!send.Departed)
        {
            return send.Scheduled;
        }

        if (!send.RoundTrip.HasValue || _roundTrips.Count < 3)
        {
            return send.LeftAt;
        }

        TimeSpan excess = send.RoundTrip.Value - UsualRoundTrip() - Half(_margin);
        return excess > TimeSpan.Zero ? send.LeftAt + excess : send.LeftAt;
    }

    private TimeSpan UsualRoundTrip()
    {
        TimeSpan[] sorted = _roundTrips.OrderBy(r => r).ToArray();
        return sorted[sorted.Length / 2];
    }

    private bool LearnStatedLimit(int? limit)
    {
        if (!limit.HasValue || limit.Value < 1 || Windows.Any(w => w.Limit == limit.Value))
        {
            // The documented limit (or another documented window's): the server agrees with the documents.
            if (limit.HasValue && limit.Value == _burst.Limit && _statedLimit.HasValue)
            {
                _statedLimit = null;
                return true;
            }

            return false;
        }

        // Only a limit below the documented burst is taken: never probe above the documents.
        if (limit.Value < _documentedBurstLimit && _statedLimit != limit.Value)
        {
            _statedLimit = limit.Value;
            _adjustedAt = _clock.Now();
            return true;
        }

        return false;
    }

    private bool LearnFromRefusal(PacedSend refused, TimeSpan now)
    {
        _cleanRun = 0;
        if (refused.Time < _adjustedAt)
        {
            // Sent at a pace that has already been corrected: it says nothing new.
            return false;
        }

        int pace = BurstLimitLocked();
        List<TimeSpan> admitted = _sends
            .Where(s => s.Departed && !s.Refused && !ReferenceEquals(s, refused) && s.Time < refused.Time)
            .Select(s => refused.Time - s.Time)
            .OrderBy(gap => gap)
            .ToList();
        int inWindow = admitted.Count(gap => gap < _burst.Period);
        bool probing = _lastIncreaseAt != TimeSpan.MinValue && now - _lastIncreaseAt < _recoveryDelay;
        // The log kept the window when the pace-th admitted request before this one left at least a window and the
        // margin earlier; only just so, and the server counting one too many means arrivals bunched (skew).
        bool skew = !probing && admitted.Count >= pace && admitted[pace - 1] <= _burst.Period + TimeSpan.FromTicks(_margin.Ticks * 4);
        if (!skew && !probing && (inWindow == 0 || !_sends.Any(s => s.Departed && s.Time <= refused.Time - _burst.Period)))
        {
            // No window of our own requests behind it (a first request refused, after an idle spell): nothing to infer
            // a pace from. The retry waits as the policy says; refusals with a busy window behind them are judged.
            return false;
        }

        if (skew && _margin < MaxMargin)
        {
            _margin = Min(TimeSpan.FromTicks(_margin.Ticks * 3 / 2), MaxMargin);
        }
        else
        {
            // The server admits fewer than the pace: what it admitted in the window before (another client on the key,
            // a lower plan), and after a refused probe wait longer before the next.
            _inferredLimit = Math.Max(1, Math.Min(pace - 1, inWindow));
            if (probing)
            {
                _recoveryDelay = Min(TimeSpan.FromTicks(_recoveryDelay.Ticks * 2), MaxRecoveryDelay);
            }
        }

        _adjustedAt = now;
        return true;
    }

    private bool Recover(TimeSpan now)
    {
        bool changed = false;
        if (++_cleanRun >= CleanRunBeforeNarrowing && _margin > InitialMargin)
        {
            _margin = Max(InitialMargin, TimeSpan.FromTicks(_margin.Ticks / 2));
            _cleanRun = 0;
            changed = true;
        }

        if (_inferredLimit.HasValue && now - _adjustedAt >= _recoveryDelay)
        {
            // One step up, never past the documents or what the server stated.
            int next = _inferredLimit.Value + 1;
            _inferredLimit = next >= Math.Min(_statedLimit ?? int.MaxValue, _burst.Limit) ? (int?)null : next;
            _adjustedAt = now;
            _lastIncreaseAt = now;
            changed = true;
        }

        return changed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Half(TimeSpan value) => TimeSpan.FromTicks(value.Ticks / 2);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>One request's place in a <see cref="RequestRateLimiter"/>: when it was due and when it really left. Guarded by the limiter.</summary>
public sealed class PacedSend
{
    internal PacedSend(TimeSpan reservedAt) => ReservedAt = reservedAt;

    internal TimeSpan ReservedAt { get; }

    internal TimeSpan Scheduled { get; set; }

    internal TimeSpan LeftAt { get; set; }

    internal bool Departed { get; set; }

    internal bool Refused { get; set; }

    internal TimeSpan? RoundTrip { get; set; }

    // What the windows count: when it left, or when it is due to.
    internal TimeSpan Time => Departed ? LeftAt : Scheduled;
}

/// <summary>The time a <see cref="RequestRateLimiter"/> reads and waits on: the machine's, or a test's own.</summary>
internal sealed class PacingClock
{
    public PacingClock(Func<TimeSpan> now, Func<TimeSpan, CancellationToken, Task> delay)
    {
        Now = now ?? throw new ArgumentNullException(nameof(now));
        Delay = delay ?? throw new ArgumentNullException(nameof(delay));
    }

    /// <summary>A monotonic clock and Task.Delay.</summary>
    public static PacingClock System
    {
        get
        {
            var stopwatch = Stopwatch.StartNew();
            return new PacingClock(() => stopwatch.Elapsed, Task.Delay);
        }
    }

    public Func<TimeSpan> Now { get; }

    public Func<TimeSpan, CancellationToken, Task> Delay { get; }
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
