using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Pipeline;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// The pacing learns what the server allows (issue 12): a stated lower limit at once, a refused pace from 429s, skew
/// by a wider margin; waiting callers are planned again after every change; a late arrival holds back the request a
/// window after it; and the work in flight is sized by Little's law. Timings are asserted as lower bounds only: a busy
/// machine can make anything slower, never faster. They run alone (TimingCollection), after the parallel tests, because
/// an in-process sandbox starved of threads by other tests counts arrivals late.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class AdaptivePacingTests
{
    private static readonly RateLimitWindow TenPerSecond = new(10, TimeSpan.FromSeconds(1));

    [Fact]
    public void A_stated_limit_below_the_documented_one_sets_the_pace_at_once()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([TenPerSecond], clock.Pacing);
        PacedSend send = clock.Complete(limiter.WaitAsync(CancellationToken.None));

        limiter.Observe(send, 200, Signal(limit: 4));

        Assert.Equal(4, limiter.LearnedLimit);
        Assert.InRange(limiter.RequestsPerSecond, 3.9, 4.0);
        Assert.True(limiter.Keeps(4));
        Assert.Equal("4 per 1 s (as the server states; documented 10)", limiter.ToString());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    public void A_stated_limit_above_the_documented_burst_or_of_another_documented_window_is_not_followed(int stated)
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([TenPerSecond, new RateLimitWindow(60, TimeSpan.FromMinutes(1))], clock.Pacing);

        limiter.Observe(clock.Complete(limiter.WaitAsync(CancellationToken.None)), 200, Signal(limit: stated));

        Assert.Null(limiter.LearnedLimit);
        Assert.InRange(limiter.RequestsPerSecond, 9.8, 10.0);
    }

    [Fact]
    public void The_documented_limit_stated_again_lifts_a_lower_stated_one()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([TenPerSecond], clock.Pacing);
        limiter.Observe(clock.Complete(limiter.WaitAsync(CancellationToken.None)), 200, Signal(limit: 4));

        limiter.Observe(clock.Complete(limiter.WaitAsync(CancellationToken.None)), 200, Signal(limit: 10));

        Assert.Null(limiter.LearnedLimit);
    }

    [Fact]
    public void Refusals_after_a_busy_window_lower_the_pace_to_what_the_server_admits_then_it_probes_back_up_to_the_documents()
    {
        // A server that admits 4 per 200 ms and says nothing about it; the documents say 10 per 200 ms.
        var window = TimeSpan.FromMilliseconds(200);
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([new RateLimitWindow(10, window)], clock.Pacing);
        var server = new SlidingWindowServer(clock, 4, window);

        int refusedLate = Send(limiter, clock, server, 60, from: 30);

        Assert.Equal(4, limiter.LearnedLimit);
        Assert.True(server.Refused <= 8, $"{server.Refused} of 60 refused: the pace did not come down");
        Assert.Equal(0, refusedLate);

        // The other client is gone: the server admits the documented 10 again. The pace climbs one step per quiet
        // spell, and stops at the documents.
        server.Limit = 10;
        while (clock.Now < TimeSpan.FromSeconds(120))
        {
            Send(limiter, clock, server, 100, from: 100);
            Assert.True(limiter.RequestsPerSecond <= 10 / 0.2, $"{limiter.RequestsPerSecond}/s is above the documents");
        }

        Assert.Null(limiter.LearnedLimit);
    }

    [Fact]
    public void A_probe_is_never_taken_above_a_limit_the_server_stated()
    {
        var window = TimeSpan.FromMilliseconds(200);
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([new RateLimitWindow(10, window)], clock.Pacing);
        var server = new SlidingWindowServer(clock, 4, window) { StatedLimit = 6 };

        Send(limiter, clock, server, 60, from: 60);
        server.Limit = 10;
        while (clock.Now < TimeSpan.FromSeconds(120))
        {
            Send(limiter, clock, server, 100, from: 100);
        }

        Assert.Equal(6, limiter.LearnedLimit);
    }

    [Fact]
    public void A_first_refusal_with_no_window_behind_it_changes_no_pace()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([TenPerSecond], clock.Pacing);

        limiter.Observe(clock.Complete(limiter.WaitAsync(CancellationToken.None)), 429, Signal(limit: null));

        Assert.Null(limiter.LearnedLimit);
        Assert.InRange(limiter.RequestsPerSecond, 9.8, 10.0);
    }

    [Fact]
    public void A_refusal_the_log_did_not_foresee_widens_the_margin_and_keeps_the_limit()
    {
        var window = TimeSpan.FromMilliseconds(200);
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([new RateLimitWindow(5, window)], clock.Pacing);
        TimeSpan before = limiter.Interval;
        var sends = Enumerable.Range(0, 6).Select(_ => clock.Complete(limiter.WaitAsync(CancellationToken.None))).ToList();

        // The sixth left a window and the margin after the first: the server refusing it means arrivals bunched.
        Assert.Equal(TimeSpan.FromMilliseconds(210), clock.Now);
        limiter.Observe(sends[5], 429, Signal(limit: null));

        Assert.Null(limiter.LearnedLimit);
        Assert.True(limiter.Interval > before, $"the interval stayed {limiter.Interval}");
    }

    [Fact]
    public void A_pause_holds_back_callers_that_were_already_waiting()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter(20, clock.Pacing);
        clock.Complete(limiter.WaitAsync(CancellationToken.None));
        Task<PacedSend> waiting = limiter.WaitAsync(CancellationToken.None);

        limiter.Pause(TimeSpan.FromMilliseconds(300));
        clock.Complete(waiting);

        Assert.Equal(TimeSpan.FromMilliseconds(300), clock.Now);
    }

    [Fact]
    public void An_answer_slower_than_usual_holds_back_the_request_a_window_after_it()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter([new RateLimitWindow(5, TimeSpan.FromMilliseconds(300))], clock.Pacing);
        PacedSend first = clock.Complete(limiter.WaitAsync(CancellationToken.None));
        for (int i = 1; i < 5; i++)
        {
            // The others are answered at once.
            limiter.Observe(clock.Complete(limiter.WaitAsync(CancellationToken.None)), 200, Signal(limit: null));
        }

        // The first answer comes 150 ms after the fifth request left (at 248 ms): it may have reached the server at
        // about 393 ms (its round trip less the usual one, less half the margin).
        clock.Advance(TimeSpan.FromMilliseconds(150));
        limiter.Observe(first, 200, Signal(limit: null));
        clock.Complete(limiter.WaitAsync(CancellationToken.None));

        // Without the slow answer the sixth would leave at once (a window and the margin after the first is 310 ms).
        Assert.Equal(TimeSpan.FromMilliseconds(698), clock.Now);
    }

    [Fact]
    public void A_caller_that_gives_up_frees_its_slot()
    {
        var clock = new ManualClock();
        var limiter = new RequestRateLimiter(2, clock.Pacing);
        clock.Complete(limiter.WaitAsync(CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        Task<PacedSend> givingUp = limiter.WaitAsync(cancel.Token);
        cancel.Cancel();
        Assert.True(SpinWait.SpinUntil(() => givingUp.IsCanceled, TimeSpan.FromSeconds(10)), "the wait was not cancelled");

        clock.Complete(limiter.WaitAsync(CancellationToken.None));

        // The slot given back (505 ms: a second and the margin over 2), not the one after it.
        Assert.Equal(TimeSpan.FromMilliseconds(505), clock.Now);
    }

    [Theory]
    [InlineData(10.0, 150, null, 5)]   // Loops: 10/s x 0.15 s x 1.5 = 2.25 -> 3, + 2
    [InlineData(10.0, 250, null, 6)]   // Smartlead lead batches: 10/s x 0.25 s x 1.5 = 3.75 -> 4, + 2
    [InlineData(10.0, 150, 3, 3)]      // -ThrottleLimit is an upper bound
    [InlineData(10.0, 150, 32, 5)]     // ... not a target
    [InlineData(10.0, 5000, null, 16)] // a very slow server: the cap
    [InlineData(4.0, 150, null, 3)]    // a server that lowered the pace needs fewer
    public void In_flight_follows_the_pace_and_the_latency(double perSecond, int latencyMs, int? userLimit, int expected)
    {
        Assert.Equal(expected, InFlightLimit.For(perSecond, TimeSpan.FromMilliseconds(latencyMs), userLimit, unpaced: 4));
    }

    [Fact]
    public void In_flight_before_any_answer_and_without_pacing()
    {
        Assert.Equal(InFlightLimit.BeforeFirstAnswer, InFlightLimit.For(10.0, null, null, unpaced: 4));
        Assert.Equal(4, InFlightLimit.For(null, TimeSpan.FromMilliseconds(150), null, unpaced: 4));
        Assert.Equal(7, InFlightLimit.For(null, TimeSpan.FromMilliseconds(150), 7, unpaced: 4));
    }

    [Fact]
    public async Task Client_side_pacing_at_the_documented_limit_gets_at_most_the_one_429_that_widens_its_margin()
    {
        await using var sandbox = await LoopsSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 10);
        // Paced at the documented limit itself (10/s), as users get it: even spacing by send time, the sliding log and
        // its margin keep any second of arrivals at 10 or fewer.
        using var client = sandbox.Client(o => o.RequestsPerSecond = null);
        // As Connect-Loops checks the key first: the first request of a process (connection, code run for the first
        // time on both sides) is not part of the bulk run.
        await client.GetMailingListsAsync();

        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => client.CreateCampaignAsync(new NewLoopsCampaign { Name = $"Paced {i}" })));

        // In this process the sandbox shares its threads with the client, so arrivals can bunch by more than the
        // margin: at most one 429, whose retry widens the margin (the bench proves zero with the sandbox in its own process).
        Assert.True(sandbox.Server.Requests.Snapshot().Count(r => r.StatusCode == 429) <= 1, "more than one 429 at the documented limit");
        Assert.Equal(25, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_server_enforcing_less_than_documented_is_followed_from_its_first_answer_with_almost_no_429()
    {
        await using var sandbox = await LoopsSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 4);
        using var client = sandbox.Client(o => o.RequestsPerSecond = null);
        await client.GetMailingListsAsync();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.CreateCampaignAsync(new NewLoopsCampaign { Name = $"Lower limit {i}" })));

        int posts = sandbox.Count("POST", "campaigns");
        Assert.Equal(16, sandbox.Server.Loops.CampaignCount);
        Assert.True(posts <= 18, $"{posts} requests for 16 creates");
        // Never above what the server stated (refusals on a busy machine may take it lower for a while).
        Assert.InRange(client.RateLimiter!.LearnedLimit!.Value, 1, 4);
    }

    // Sends count requests one after the other, each answered at once by the server; returns how many of those
    // from position "from" on were refused.
    private static int Send(RequestRateLimiter limiter, ManualClock clock, SlidingWindowServer server, int count, int from)
    {
        int refusedLate = 0;
        for (int i = 0; i < count; i++)
        {
            PacedSend send = clock.Complete(limiter.WaitAsync(CancellationToken.None));
            bool admitted = server.Admit();
            refusedLate += !admitted && i >= from ? 1 : 0;
            limiter.Observe(send, admitted ? 200 : 429, Signal(limit: server.StatedLimit));
        }

        return refusedLate;
    }

    private static RateLimitSignal Signal(int? limit)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        if (limit.HasValue)
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return RateLimitSignal.From(response, DateTimeOffset.UtcNow);
    }

    // Admits at most Limit requests in any sliding window of arrivals, on the test's clock.
    private sealed class SlidingWindowServer(ManualClock clock, int limit, TimeSpan window)
    {
        private readonly Queue<TimeSpan> _admitted = new();

        public int Limit { get; set; } = limit;

        public int? StatedLimit { get; set; }

        public int Refused { get; private set; }

        public bool Admit()
        {
            TimeSpan now = clock.Now;
            while (_admitted.Count > 0 && _admitted.Peek() <= now - window)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count >= Limit)
            {
                Refused++;
                return false;
            }

            _admitted.Enqueue(now);
            return true;
        }
    }

    // Time that moves only when the test says: a limiter's waits finish (inline) as the clock passes them.
    private sealed class ManualClock
    {
        private readonly List<(TimeSpan Due, TaskCompletionSource Done)> _waits = new();

        private long _nowTicks;

        public TimeSpan Now
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _nowTicks));
            private set => Interlocked.Exchange(ref _nowTicks, value.Ticks);
        }

        public PacingClock Pacing => new(() => Now, Delay);

        public void Advance(TimeSpan by)
        {
            TimeSpan target = Now + by;
            while (NextDue() is { } due && due <= target)
            {
                Fire(due);
            }

            Now = target;
        }

        // Moves the clock from wait to wait until the task is done (a limiter's WaitAsync), and returns its result. A
        // finished wait's continuation may run on another thread: it is awaited (it needs no time, only a thread).
        public T Complete<T>(Task<T> task)
        {
            while (!task.IsCompleted)
            {
                if (NextDue() is { } due)
                {
                    Fire(due);
                }
                else if (!SpinWait.SpinUntil(() => task.IsCompleted || NextDue() != null, TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException($"The task waits for nothing the clock can finish (at {Now}).");
                }
            }

            return task.GetAwaiter().GetResult();
        }

        private TimeSpan? NextDue()
        {
            lock (_waits)
            {
                return _waits.Count == 0 ? null : _waits.Min(w => w.Due);
            }
        }

        private void Fire(TimeSpan due)
        {
            Now = due;
            List<(TimeSpan Due, TaskCompletionSource Done)> finished;
            lock (_waits)
            {
                finished = _waits.Where(w => w.Due <= due).ToList();
                finished.ForEach(w => _waits.Remove(w));
            }

            finished.ForEach(w => w.Done.TrySetResult());
        }

        private Task Delay(TimeSpan wait, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource();
            var entry = (Now + wait, done);
            lock (_waits)
            {
                _waits.Add(entry);
            }

            cancellationToken.Register(() =>
            {
                lock (_waits)
                {
                    _waits.Remove(entry);
                }

                done.TrySetCanceled(cancellationToken);
            });
            return done.Task;
        }
    }
}
