using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CampaignPS.Engine.Http
{
    /// <summary>
    /// Paces the requests of one connection so that they stay under the platform's limit, and
    /// holds every caller back when the server says the window is spent (429, Retry-After,
    /// x-ratelimit-reset). Thread-safe: one instance is shared by everything that uses the
    /// connection. Uses the generic cell rate algorithm: each request reserves the next free
    /// slot, so waiting callers are served in order and never all at once.
    /// </summary>
    public sealed class RequestRateLimiter
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TimeSpan _interval;
        private readonly TimeSpan _tolerance;
        private TimeSpan _theoreticalArrival;
        private TimeSpan _pausedUntil;

        /// <summary>Allows <paramref name="requestsPerSecond"/> on average, with up to <paramref name="burst"/> at once.</summary>
        public RequestRateLimiter(double requestsPerSecond, int burst = 1)
        {
            if (requestsPerSecond <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The rate must be positive.");
            }

            if (burst < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(burst), "The burst must be at least 1.");
            }

            RequestsPerSecond = requestsPerSecond;
            _interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / requestsPerSecond));
            _tolerance = TimeSpan.FromTicks(_interval.Ticks * (burst - 1));
        }

        /// <summary>The average rate allowed.</summary>
        public double RequestsPerSecond { get; }

        /// <summary>Waits until this caller may send a request.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait = Reserve();
            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
        }

        /// <summary>Holds every caller back for <paramref name="wait"/> from now (the server's window is spent).</summary>
        public void Pause(TimeSpan wait)
        {
            lock (_gate)
            {
                TimeSpan until = _clock.Elapsed + wait;
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }
            }
        }

        private TimeSpan Reserve()
        {
            lock (_gate)
            {
                TimeSpan now = _clock.Elapsed;
                TimeSpan arrival = Max(_theoreticalArrival, Max(now, _pausedUntil));
                TimeSpan allowedAt = arrival - _tolerance;
                _theoreticalArrival = arrival + _interval;
                TimeSpan earliest = Max(allowedAt, _pausedUntil);
                return earliest > now ? earliest - now : TimeSpan.Zero;
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
