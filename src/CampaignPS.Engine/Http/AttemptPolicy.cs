namespace CampaignPS.Engine.Http;

/// <summary>
/// Decides, from what happened on one attempt, whether a request is done, is sent again after a wait, or fails
/// (DESIGN.md rule 2): 429 is retried for every request, after the wait the server asked for; 5xx, timeouts and
/// failed connections only for reads and idempotent writes, or when nothing was sent. Pure: the clock comes in
/// with the outcome and the jitter from the function given, so a table of cases pins every branch.
/// </summary>
internal sealed class AttemptPolicy
{
    private readonly RetryOptions _retry;
    private readonly TimeSpan _rateLimitWindow;
    private readonly RequestRateLimiter? _pacing;
    private readonly Func<double> _jitter;

    /// <summary>Creates the policy of one connection.</summary>
    /// <param name="retry">The connection's retry settings (read at every decision).</param>
    /// <param name="rateLimitWindow">The platform's rate-limit window: the least wait after a repeated unhinted 429.</param>
    /// <param name="pacing">The connection's pacing; null when client-side limiting is off.</param>
    /// <param name="jitter">Returns a number in [0, 1) for each back-off.</param>
    public AttemptPolicy(RetryOptions retry, TimeSpan rateLimitWindow, RequestRateLimiter? pacing, Func<double> jitter)
    {
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
        _rateLimitWindow = rateLimitWindow;
        _pacing = pacing;
        _jitter = jitter ?? throw new ArgumentNullException(nameof(jitter));
    }

    /// <summary>What to do after the attempt <paramref name="outcome"/> describes.</summary>
    public AttemptDecision Decide(AttemptOutcome outcome)
    {
        bool mayResend = MayResend(outcome);
        bool retry = mayResend && !outcome.IsLastAttempt;
        switch (outcome.Fault)
        {
            case AttemptFault.None:
                return DecideAnswer(outcome, outcome.StatusCode!.Value);
            case AttemptFault.Timeout:
                return retry ? BackOff(outcome, "timeout") : AttemptDecision.Fail(FailureKind.Timeout, GivingUp(mayResend));
            case AttemptFault.ConnectionNeverOpened:
            case AttemptFault.ConnectionFailed:
                return retry
                    ? BackOff(outcome, outcome.Fault == AttemptFault.ConnectionNeverOpened ? "connection refused before sending" : "connection failed")
                    : AttemptDecision.Fail(FailureKind.ConnectionFailed, GivingUp(mayResend), requestMayHaveBeenSent: outcome.RequestMayHaveLeft);
            case AttemptFault.BodyReadFailed:
                return retry
                    ? BackOff(outcome, "connection dropped while reading")
                    : AttemptDecision.Fail(FailureKind.ConnectionFailed, requestMayHaveBeenSent: outcome.RequestMayHaveLeft);
            case AttemptFault.BodyUnreadable:
                return retry ? BackOff(outcome, "unreadable response") : AttemptDecision.Fail(FailureKind.UnreadableResponse);
            case AttemptFault.BodyReadTimedOut:
                return AttemptDecision.Fail(FailureKind.Timeout);
            case AttemptFault.Abandoned:
                return AttemptDecision.Fail(FailureKind.Abandoned);
            case AttemptFault.NotSent:
                // Certificate, proxy authentication, name resolution: the same answer again, whatever the request.
                return AttemptDecision.Fail(FailureKind.NotSent, requestMayHaveBeenSent: false);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Fault, "Unknown attempt fault.");
        }
    }

    /// <summary>
    /// How long to hold every caller of the connection after an answer that says the server's window is spent
    /// (x-ratelimit-remaining 0 with a reset time); null to hold nobody.
    /// </summary>
    /// <remarks>
    /// Not when the spent window is one the pacing already keeps to (x-ratelimit-limit equals one of its limits):
    /// at full speed that window is spent after nearly every request by our own doing, the pacing already spaces
    /// the next one, and a reset given in whole seconds would idle the connection for up to a second after each
    /// response.
    /// </remarks>
    public TimeSpan? ServerWindowHold(RateLimitSignal signal, DateTimeOffset now)
    {
        if (_pacing == null || signal.Remaining != 0 || !signal.ResetAt.HasValue || _pacing.Keeps(signal.Limit))
        {
            return null;
        }

        TimeSpan wait = signal.ResetAt.Value - now;
        return wait > TimeSpan.Zero && wait <= _retry.MaxServerWait ? wait : (TimeSpan?)null;
    }

    /// <summary>The back-off before the attempt after <paramref name="attempt"/>: doubled per attempt up to MaxDelay, then half to all of it.</summary>
    public TimeSpan Backoff(int attempt)
    {
        double factor = 0.5 + (_jitter() * 0.5);
        double exponential = _retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(exponential, _retry.MaxDelay.TotalMilliseconds) * factor);
    }

    // A request may go again when repeating it is harmless, or when none of it reached the server.
    private static bool MayResend(AttemptOutcome outcome) =>
        outcome.Safety != RequestSafety.NonIdempotent || !outcome.RequestMayHaveLeft;

    private static GivingUpNote GivingUp(bool mayResend) => mayResend ? GivingUpNote.AttemptsSpent : GivingUpNote.UnsafeToResend;

    private AttemptDecision BackOff(AttemptOutcome outcome, string reason) =>
        AttemptDecision.RetryAfter(Backoff(outcome.Attempt), RetryKind.BackOff, reason);

    private AttemptDecision DecideAnswer(AttemptOutcome outcome, int status)
    {
        TimeSpan? asked = outcome.Signal.RequestedWait(outcome.ObservedAt);
        if (status >= 200 && status <= 299)
        {
            return AttemptDecision.Done;
        }

        if (status == 429)
        {
            return DecideRateLimited(outcome, asked);
        }

        if (status >= 300 && status <= 399)
        {
            // Never followed: a redirect would take the key (Smartlead's rides in the URL) to whatever host it names,
            // and turn a POST into a GET. A create answered by a redirect was not made.
            return AttemptDecision.Fail(FailureKind.Redirected, requestMayHaveBeenSent: false);
        }

        // 501 is a documented "not implemented" (Loops workflow nodes): the same request will never succeed.
        if (status >= 500 && status != 501)
        {
            bool mayResend = MayResend(outcome);
            return mayResend && !outcome.IsLastAttempt
                ? AttemptDecision.RetryAfter(asked ?? Backoff(outcome.Attempt), RetryKind.ServerError, "server error " + status)
                : AttemptDecision.Fail(FailureKind.Response, GivingUp(mayResend), asked);
        }

        return AttemptDecision.Fail(FailureKind.Response, serverWait: asked);
    }

    // A 429 is retried for every request: the server refused it before doing anything. The retries are bounded by
    // time (MaxRateLimitWait, counted from the first attempt), not by the attempt count, so a run rides out a busy
    // minute; a zero Retry-After still waits a moment, so the budget always runs out. A single wait longer than
    // MaxServerWait is reported at once rather than waited out.
    private AttemptDecision DecideRateLimited(AttemptOutcome outcome, TimeSpan? asked)
    {
        TimeSpan wait = Max(asked ?? UnhintedRateLimitWait(outcome.Attempt), MinimumRateLimitWait);
        if (wait > _retry.MaxServerWait)
        {
            return AttemptDecision.Fail(FailureKind.ServerWaitTooLong, serverWait: wait);
        }

        if (outcome.WaitedSoFar + wait > _retry.MaxRateLimitWait)
        {
            return AttemptDecision.Fail(FailureKind.RateLimitBudgetSpent, serverWait: asked);
        }

        RateLimitSignal signal = outcome.Signal;
        string source = signal.RetryAfter.HasValue ? "Retry-After"
            : signal.ResetAt.HasValue ? "x-ratelimit-reset"
            : wait < _rateLimitWindow ? "next paced slot" : "rate-limit window";
        return AttemptDecision.RetryAfter(wait, RetryKind.RateLimited, source, pausesConnection: _pacing != null);
    }

    // A 429 that says nothing about when to come back. On a connection that paces itself to the documented
    // limit, a first refusal is timing skew (two requests arrived closer together than they were sent): the
    // window frees a slot within one pacing interval, so the retry takes the next paced slot instead of idling
    // the connection for a whole window. A second refusal of the same request means the budget really is
    // spent (another client on the key, a lower plan): then wait at least a whole window.
    private TimeSpan UnhintedRateLimitWait(int attempt) =>
        _pacing != null && attempt == 1 ? _pacing.Interval : Max(Backoff(attempt), _rateLimitWindow);

    private static readonly TimeSpan MinimumRateLimitWait = TimeSpan.FromMilliseconds(50);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
