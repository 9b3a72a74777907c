using CampaignPS.Engine.Http;
using Xunit;
using static CampaignPS.Engine.Http.RequestSafety;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// The retry rules (DESIGN.md rule 2) as one table: what happened on an attempt, and what the transport does next.
/// A change to the rules is a change to a row here; the transport's loop only carries the decision out.
/// </summary>
public sealed class AttemptPolicyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // Ten per second, as Loops documents: the pacing interval is 1 s / (10 x 0.97 headroom).
    private static readonly RequestRateLimiter Pacing = new([new RateLimitWindow(10, TimeSpan.FromSeconds(1))]);

    // Defaults of RetryOptions: 5 attempts, back-off from 500 ms doubling to at most 20 s, server waits up to 5 minutes.
    private static readonly IReadOnlyList<Case> Table =
    [
        // Answers that are read.
        new("200 on a read is done", Answer(200), Done()),
        new("201 on a create is done", Answer(201, NonIdempotent), Done()),
        new("204 on an idempotent write is done", Answer(204, IdempotentWrite), Done()),
        new("200 on the last attempt is done", Answer(200, attempt: 5), Done()),

        // 429: retried for every request, after the wait the server asked for.
        new("429 with Retry-After waits what it says, holding the paced connection",
            Answer(429, retryAfter: S(7)), Retry(S(7), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 with Retry-After on an unpaced connection delays only this request",
            Answer(429, retryAfter: S(7)), Retry(S(7), RetryKind.RateLimited, "Retry-After"), Paced: false),
        new("429 with Retry-After on a create is retried: the server did nothing",
            Answer(429, NonIdempotent, retryAfter: S(1)), Retry(S(1), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 with Retry-After 0 retries after a moment, so the time budget always runs out",
            Answer(429, retryAfter: TimeSpan.Zero), Retry(Ms(50), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 with x-ratelimit-reset waits until the reset",
            Answer(429, resetIn: S(12), remaining: 0), Retry(S(12), RetryKind.RateLimited, "x-ratelimit-reset", pauses: true)),
        new("429 with a reset already past retries after a moment",
            Answer(429, resetIn: S(-3), remaining: 0), Retry(Ms(50), RetryKind.RateLimited, "x-ratelimit-reset", pauses: true)),
        new("429 with Retry-After and a reset follows Retry-After",
            Answer(429, retryAfter: S(2), resetIn: S(40)), Retry(S(2), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 without a hint on attempt 1 of a paced connection takes the next paced slot",
            Answer(429), Retry(Pacing.Interval, RetryKind.RateLimited, "next paced slot", pauses: true)),
        new("429 without a hint on attempt 1 of an unpaced connection waits a window",
            Answer(429), Retry(Window, RetryKind.RateLimited, "rate-limit window"), Paced: false),
        new("429 without a hint on attempt 2 waits at least a window",
            Answer(429, attempt: 2), Retry(Window, RetryKind.RateLimited, "rate-limit window", pauses: true)),
        new("429 without a hint on attempt 4 backs off beyond the window",
            Answer(429, attempt: 4), Retry(S(2), S(4), RetryKind.RateLimited, "rate-limit window", pauses: true)),
        new("429 asking for more than MaxServerWait fails at once",
            Answer(429, retryAfter: TimeSpan.FromHours(1)), Fail(FailureKind.ServerWaitTooLong, serverWait: TimeSpan.FromHours(1))),
        new("429 with a reset beyond MaxServerWait fails at once",
            Answer(429, resetIn: S(600), remaining: 0), Fail(FailureKind.ServerWaitTooLong, serverWait: S(600))),
        new("429 asking for exactly MaxServerWait is waited",
            Answer(429, retryAfter: S(300)), Retry(S(300), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 asking for more than MaxServerWait on the last attempt fails as a wait too long",
            Answer(429, attempt: 5, retryAfter: TimeSpan.FromHours(1)), Fail(FailureKind.ServerWaitTooLong, serverWait: TimeSpan.FromHours(1))),
        new("429 without a hint whose back-off exceeds MaxServerWait fails as a wait too long",
            Answer(429, attempt: 2), Fail(FailureKind.ServerWaitTooLong, serverWait: Window), MaxServerWait: TimeSpan.FromMilliseconds(500)),
        // 429s are bounded by a time budget (MaxRateLimitWait, 5 minutes by default), not by the attempt count.
        new("429 past the attempt count is retried while the time budget lasts",
            Answer(429, attempt: 5, retryAfter: S(1), waited: S(20)), Retry(S(1), RetryKind.RateLimited, "Retry-After", pauses: true)),
        new("429 whose wait would overrun the time budget fails as rate limited",
            Answer(429, attempt: 3, retryAfter: S(30), waited: TimeSpan.FromMinutes(4.75)), Fail(FailureKind.RateLimitBudgetSpent, serverWait: S(30))),
        new("429 without a hint after the budget is spent fails as rate limited",
            Answer(429, attempt: 40, waited: TimeSpan.FromMinutes(5)), Fail(FailureKind.RateLimitBudgetSpent)),

        // 5xx: retried for reads and idempotent writes only.
        new("503 on a read backs off",
            Answer(503), Retry(Ms(250), Ms(500), RetryKind.ServerError, "server error 503")),
        new("500 on an idempotent write backs off",
            Answer(500, IdempotentWrite, attempt: 2), Retry(Ms(500), Ms(1000), RetryKind.ServerError, "server error 500")),
        new("503 on a read with Retry-After waits what it says, without holding the connection",
            Answer(503, retryAfter: S(3)), Retry(S(3), RetryKind.ServerError, "server error 503")),
        new("503 on a read with a reset waits until the reset",
            Answer(503, resetIn: S(4)), Retry(S(4), RetryKind.ServerError, "server error 503")),
        new("503 on a read with a Retry-After beyond MaxServerWait waits it (only 429 waits are capped)",
            Answer(503, retryAfter: S(600)), Retry(S(600), RetryKind.ServerError, "server error 503")),
        new("500 on a create is not sent again",
            Answer(500, NonIdempotent), Fail(FailureKind.Response, GivingUpNote.UnsafeToResend)),
        new("503 with Retry-After on a create is not sent again and reports the wait",
            Answer(503, NonIdempotent, retryAfter: S(2)), Fail(FailureKind.Response, GivingUpNote.UnsafeToResend, S(2))),
        new("503 on the last attempt of a read gives up",
            Answer(503, attempt: 5), Fail(FailureKind.Response, GivingUpNote.AttemptsSpent)),
        new("503 with Retry-After on the last attempt gives up and reports the wait",
            Answer(503, attempt: 5, retryAfter: S(2)), Fail(FailureKind.Response, GivingUpNote.AttemptsSpent, S(2))),
        new("503 on a read allowed one attempt gives up at once",
            Answer(503, attempt: 1, maxAttempts: 1), Fail(FailureKind.Response, GivingUpNote.AttemptsSpent)),

        // Other errors: reported as they are.
        new("400 fails", Answer(400), Fail(FailureKind.Response)),
        new("401 fails", Answer(401), Fail(FailureKind.Response)),
        new("404 on a read fails", Answer(404), Fail(FailureKind.Response)),
        new("409 on a create fails", Answer(409, NonIdempotent), Fail(FailureKind.Response)),
        new("422 with Retry-After fails and reports the wait", Answer(422, retryAfter: S(5)), Fail(FailureKind.Response, serverWait: S(5))),
        // Redirects are never followed: the key must not go where a redirect points, and a create must not become a GET.
        new("302 on a read fails as a redirect", Answer(302), Fail(FailureKind.Redirected, sent: false)),
        new("307 on a create fails as a redirect: nothing was created", Answer(307, NonIdempotent), Fail(FailureKind.Redirected, sent: false)),
        new("301 on an idempotent write fails as a redirect", Answer(301, IdempotentWrite, attempt: 2), Fail(FailureKind.Redirected, sent: false)),

        // Timeouts: the request may have arrived.
        // Nothing was sent (certificate, proxy authentication, name resolution): a plain error, never retried.
        new("Nothing sent on a read fails at once", NoAnswer(AttemptFault.NotSent), Fail(FailureKind.NotSent, sent: false)),
        new("Nothing sent on a create fails at once, not as an unknown outcome", NoAnswer(AttemptFault.NotSent, NonIdempotent), Fail(FailureKind.NotSent, sent: false)),

        // Stopped (Ctrl+C) while the request was on the wire, past the grace.
        new("A create stopped on the wire fails as abandoned", NoAnswer(AttemptFault.Abandoned, NonIdempotent), Fail(FailureKind.Abandoned)),
        new("An idempotent write stopped on the wire fails as abandoned", NoAnswer(AttemptFault.Abandoned, IdempotentWrite), Fail(FailureKind.Abandoned)),

        new("A timeout on a read backs off", NoAnswer(AttemptFault.Timeout), Retry(Ms(250), Ms(500), RetryKind.BackOff, "timeout")),
        new("A timeout on an idempotent write backs off", NoAnswer(AttemptFault.Timeout, IdempotentWrite, attempt: 3), Retry(S(1), S(2), RetryKind.BackOff, "timeout")),
        new("A timeout on attempt 8 backs off at most MaxDelay", NoAnswer(AttemptFault.Timeout, attempt: 8, maxAttempts: 10), Retry(S(10), S(20), RetryKind.BackOff, "timeout")),
        new("A timeout on a create is not sent again", NoAnswer(AttemptFault.Timeout, NonIdempotent), Fail(FailureKind.Timeout, GivingUpNote.UnsafeToResend)),
        new("A timeout on the last attempt of a read gives up", NoAnswer(AttemptFault.Timeout, attempt: 5), Fail(FailureKind.Timeout, GivingUpNote.AttemptsSpent)),

        // Connections that never opened: nothing was sent, so anything may go again.
        new("A refused connection on a create is retried",
            NoAnswer(AttemptFault.ConnectionNeverOpened, NonIdempotent), Retry(Ms(250), Ms(500), RetryKind.BackOff, "connection refused before sending")),
        new("A refused connection on a read is retried",
            NoAnswer(AttemptFault.ConnectionNeverOpened, attempt: 2), Retry(Ms(500), Ms(1000), RetryKind.BackOff, "connection refused before sending")),
        new("A refused connection on the last attempt of a create gives up, reported as not sent",
            NoAnswer(AttemptFault.ConnectionNeverOpened, NonIdempotent, attempt: 5), Fail(FailureKind.ConnectionFailed, GivingUpNote.AttemptsSpent, sent: false)),

        // Connections that failed after the request may have left.
        new("A connection failed after sending on a read is retried",
            NoAnswer(AttemptFault.ConnectionFailed), Retry(Ms(250), Ms(500), RetryKind.BackOff, "connection failed")),
        new("A connection failed after sending on an idempotent write is retried",
            NoAnswer(AttemptFault.ConnectionFailed, IdempotentWrite), Retry(Ms(250), Ms(500), RetryKind.BackOff, "connection failed")),
        new("A connection failed after sending on a create is not sent again",
            NoAnswer(AttemptFault.ConnectionFailed, NonIdempotent), Fail(FailureKind.ConnectionFailed, GivingUpNote.UnsafeToResend, sent: true)),
        new("A connection failed on the last attempt of a read gives up",
            NoAnswer(AttemptFault.ConnectionFailed, attempt: 5), Fail(FailureKind.ConnectionFailed, GivingUpNote.AttemptsSpent, sent: true)),

        // 2xx answers whose body could not be read.
        new("An unreadable 2xx body on a read is retried",
            Answer(200, fault: AttemptFault.BodyUnreadable), Retry(Ms(250), Ms(500), RetryKind.BackOff, "unreadable response")),
        new("An unreadable 2xx body on a create fails",
            Answer(201, NonIdempotent, fault: AttemptFault.BodyUnreadable), Fail(FailureKind.UnreadableResponse)),
        new("An unreadable 2xx body on the last attempt of a read fails",
            Answer(200, attempt: 5, fault: AttemptFault.BodyUnreadable), Fail(FailureKind.UnreadableResponse)),
        new("A connection dropped while reading a 2xx body on a read is retried",
            Answer(200, fault: AttemptFault.BodyReadFailed), Retry(Ms(250), Ms(500), RetryKind.BackOff, "connection dropped while reading")),
        new("A connection dropped while reading a 2xx body on a create fails as maybe sent",
            Answer(201, NonIdempotent, fault: AttemptFault.BodyReadFailed), Fail(FailureKind.ConnectionFailed, sent: true)),
        new("A connection dropped while reading a 2xx body on the last attempt fails",
            Answer(200, attempt: 5, fault: AttemptFault.BodyReadFailed), Fail(FailureKind.ConnectionFailed, sent: true)),
        new("A timeout while reading a 2xx body fails, also on a read",
            Answer(200, fault: AttemptFault.BodyReadTimedOut), Fail(FailureKind.Timeout)),
    ];

    private static readonly Dictionary<string, Case> Cases = Table.ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames => new(Table.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_outcome_gets_its_decision(string name)
    {
        Case row = Cases[name];
        Expected expected = row.Expect;

        // The jitter at both ends of its range gives the least and the most the policy may wait.
        AttemptDecision least = Policy(row, jitter: 0).Decide(row.Outcome);
        AttemptDecision most = Policy(row, jitter: 1).Decide(row.Outcome);

        foreach (AttemptDecision decision in new[] { least, most })
        {
            Assert.Equal(expected.Action, decision.Action);
            if (expected.Action == AttemptAction.Retry)
            {
                Assert.Equal(expected.Kind, decision.RetryKind);
                Assert.Equal(expected.Reason, decision.Reason);
                Assert.Equal(expected.Pauses, decision.PausesConnection);
            }
            else if (expected.Action == AttemptAction.Fail)
            {
                Assert.Equal(expected.Failure, decision.Failure);
                Assert.Equal(expected.Note, decision.Note);
                Assert.Equal(expected.ServerWait, decision.ServerWait);
                if (expected.Failure == FailureKind.ConnectionFailed)
                {
                    Assert.Equal(expected.Sent, decision.RequestMayHaveBeenSent);
                }
            }
        }

        if (expected.Action == AttemptAction.Retry)
        {
            Assert.Equal(expected.MinWait, least.Wait);
            Assert.Equal(expected.MaxWait, most.Wait);
        }
    }

    [Fact]
    public void The_table_covers_every_fault_and_every_request_safety()
    {
        Assert.All(Enum.GetValues<AttemptFault>(), fault => Assert.Contains(Table, c => c.Outcome.Fault == fault));
        Assert.All(Enum.GetValues<RequestSafety>(), safety => Assert.Contains(Table, c => c.Outcome.Safety == safety));
        Assert.All(Enum.GetValues<FailureKind>(), kind => Assert.Contains(Table, c => c.Expect.Action == AttemptAction.Fail && c.Expect.Failure == kind));
        Assert.All(Enum.GetValues<GivingUpNote>(), note => Assert.Contains(Table, c => c.Expect.Action == AttemptAction.Fail && c.Expect.Note == note));
    }

    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(3, 1000, 2000)]
    [InlineData(5, 4000, 8000)]
    [InlineData(6, 8000, 16000)]
    [InlineData(7, 10000, 20000)]
    [InlineData(12, 10000, 20000)]
    public void Backoff_doubles_per_attempt_up_to_MaxDelay_and_keeps_half_to_all_of_it(int attempt, double leastMs, double mostMs)
    {
        var retry = new RetryOptions();

        Assert.Equal(Ms(leastMs), new AttemptPolicy(retry, Window, null, () => 0).Backoff(attempt));
        Assert.Equal(Ms(mostMs), new AttemptPolicy(retry, Window, null, () => 1).Backoff(attempt));
    }

    [Theory]
    [InlineData(true, 5, 0, 30.0, 30.0)]      // a window the pacing does not keep is spent: hold everyone until it resets
    [InlineData(true, null, 0, 30.0, 30.0)]   // no limit named: the pacing cannot be keeping it
    [InlineData(true, 5, 0, 300.0, 300.0)]    // exactly MaxServerWait
    [InlineData(true, 10, 0, 30.0, null)]     // the pacing keeps 10 per second already
    [InlineData(false, 5, 0, 30.0, null)]     // no pacing to hold
    [InlineData(true, 5, 1, 30.0, null)]      // one request left
    [InlineData(true, 5, null, 30.0, null)]   // nothing said about what is left
    [InlineData(true, 5, 0, null, null)]      // no reset time
    [InlineData(true, 5, 0, 301.0, null)]     // beyond MaxServerWait
    [InlineData(true, 5, 0, -2.0, null)]      // reset already past
    public void A_spent_server_window_holds_the_paced_connection_until_it_resets(bool paced, int? limit, int? remaining, double? resetInSeconds, double? holdSeconds)
    {
        var policy = new AttemptPolicy(new RetryOptions(), Window, paced ? Pacing : null, () => 0.5);
        var signal = new RateLimitSignal(limit, remaining, null, resetInSeconds.HasValue ? Now + S(resetInSeconds.Value) : null);

        Assert.Equal(holdSeconds.HasValue ? (TimeSpan?)S(holdSeconds.Value) : null, policy.ServerWindowHold(signal, Now));
    }

    [Fact]
    public void An_outcome_says_either_that_an_answer_arrived_or_that_none_did()
    {
        Assert.Throws<ArgumentException>(() => new AttemptOutcome(AttemptFault.Timeout, 200, RateLimitSignal.None, true, Read, 1, 5, TimeSpan.Zero, Now));
        Assert.Throws<ArgumentException>(() => new AttemptOutcome(AttemptFault.BodyUnreadable, null, RateLimitSignal.None, true, Read, 1, 5, TimeSpan.Zero, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttemptOutcome(AttemptFault.None, 200, RateLimitSignal.None, true, Read, 0, 5, TimeSpan.Zero, Now));
    }

    private static AttemptPolicy Policy(Case row, double jitter)
    {
        var retry = new RetryOptions();
        if (row.MaxServerWait.HasValue)
        {
            retry.MaxServerWait = row.MaxServerWait.Value;
        }

        return new AttemptPolicy(retry, Window, row.Paced ? Pacing : null, () => jitter);
    }

    private static AttemptOutcome Answer(int status, RequestSafety safety = Read, int attempt = 1, int maxAttempts = 5, TimeSpan? retryAfter = null,
        TimeSpan? resetIn = null, int? remaining = null, TimeSpan waited = default, AttemptFault fault = AttemptFault.None) =>
        new(fault, status, new RateLimitSignal(null, remaining, retryAfter, resetIn.HasValue ? Now + resetIn.Value : null), true, safety, attempt, maxAttempts, waited, Now);

    private static AttemptOutcome NoAnswer(AttemptFault fault, RequestSafety safety = Read, int attempt = 1, int maxAttempts = 5) =>
        new(fault, null, RateLimitSignal.None, requestMayHaveLeft: fault != AttemptFault.ConnectionNeverOpened && fault != AttemptFault.NotSent, safety, attempt, maxAttempts, TimeSpan.Zero, Now);

    private static Expected Done() => new(AttemptAction.Done);

    private static Expected Retry(TimeSpan wait, RetryKind kind, string reason, bool pauses = false) => Retry(wait, wait, kind, reason, pauses);

    private static Expected Retry(TimeSpan least, TimeSpan most, RetryKind kind, string reason, bool pauses = false) =>
        new(AttemptAction.Retry, least, most, kind, reason, pauses);

    private static Expected Fail(FailureKind failure, GivingUpNote note = GivingUpNote.None, TimeSpan? serverWait = null, bool sent = true) =>
        new(AttemptAction.Fail, Failure: failure, Note: note, ServerWait: serverWait, Sent: sent);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private sealed record Case(string Name, AttemptOutcome Outcome, Expected Expect, bool Paced = true, TimeSpan? MaxServerWait = null);

    private sealed record Expected(AttemptAction Action, TimeSpan MinWait = default, TimeSpan MaxWait = default, RetryKind Kind = default,
        string? Reason = null, bool Pauses = false, FailureKind Failure = default, GivingUpNote Note = GivingUpNote.None, TimeSpan? ServerWait = null, bool Sent = true);
}
