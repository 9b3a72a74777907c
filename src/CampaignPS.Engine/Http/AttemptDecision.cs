namespace CampaignPS.Engine.Http;

/// <summary>What to do after an attempt.</summary>
internal enum AttemptAction
{
    /// <summary>The answer was read: return it.</summary>
    Done,

    /// <summary>Wait <see cref="AttemptDecision.Wait"/>, then send again.</summary>
    Retry,

    /// <summary>Stop and report the failure <see cref="AttemptDecision.Failure"/> names.</summary>
    Fail,
}

/// <summary>Why a retry waits, which decides the log line that announces it.</summary>
internal enum RetryKind
{
    /// <summary>Exponential back-off with jitter after a timeout, a failed connection or an unreadable answer.</summary>
    BackOff,

    /// <summary>The server answered 429.</summary>
    RateLimited,

    /// <summary>The server answered 5xx.</summary>
    ServerError,
}

/// <summary>Which failure to report, each built by its own ApiFailureBuilder method.</summary>
internal enum FailureKind
{
    /// <summary>The error answer itself (status, API message, ErrorRule).</summary>
    Response,

    /// <summary>The server asked for a longer wait than RetryOptions.MaxServerWait allows.</summary>
    ServerWaitTooLong,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The connection failed (see <see cref="AttemptDecision.RequestMayHaveBeenSent"/>).</summary>
    ConnectionFailed,

    /// <summary>A 2xx answer whose body could not be read.</summary>
    UnreadableResponse,

    /// <summary>Nothing was sent (certificate, proxy authentication, name resolution): a plain error with the cause.</summary>
    NotSent,

    /// <summary>The server answered with a redirect, which is never followed: the key stays with the connection's host.</summary>
    Redirected,

    /// <summary>The server kept answering 429 until the request's time budget for rate-limit waits was spent.</summary>
    RateLimitBudgetSpent,

    /// <summary>The command was stopped while the request was on the wire.</summary>
    Abandoned,
}

/// <summary>What the log says when a failure ends the retries.</summary>
internal enum GivingUpNote
{
    /// <summary>Nothing beyond the failure itself.</summary>
    None,

    /// <summary>The request may be repeated, but every allowed attempt was used.</summary>
    AttemptsSpent,

    /// <summary>The request may have reached the server and is not safe to send again.</summary>
    UnsafeToResend,
}

/// <summary>The answer of <see cref="AttemptPolicy.Decide"/>: done, retry after a wait, or fail with a named failure.</summary>
internal sealed class AttemptDecision
{
    private AttemptDecision(AttemptAction action, TimeSpan wait, RetryKind retryKind, string? reason, bool pausesConnection,
        FailureKind failure, GivingUpNote note, TimeSpan? serverWait, bool requestMayHaveBeenSent)
    {
        Action = action;
        Wait = wait;
        RetryKind = retryKind;
        Reason = reason;
        PausesConnection = pausesConnection;
        Failure = failure;
        Note = note;
        ServerWait = serverWait;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /// <summary>The answer was read.</summary>
    public static AttemptDecision Done { get; } = new AttemptDecision(AttemptAction.Done, TimeSpan.Zero, default, null, false, default, GivingUpNote.None, null, false);

    /// <summary>What to do.</summary>
    public AttemptAction Action { get; }

    /// <summary>For a retry: how long to wait before the next attempt.</summary>
    public TimeSpan Wait { get; }

    /// <summary>For a retry: why it waits.</summary>
    public RetryKind RetryKind { get; }

    /// <summary>For a retry: the phrase the log gives as the cause (back-off) or as the source of the wait (429).</summary>
    public string? Reason { get; }

    /// <summary>For a retry: hold every caller of the connection for the wait, not only this request.</summary>
    public bool PausesConnection { get; }

    /// <summary>For a failure: which one to report.</summary>
    public FailureKind Failure { get; }

    /// <summary>For a failure: what the log adds about giving up.</summary>
    public GivingUpNote Note { get; }

    /// <summary>For a failure: the wait the server asked for, reported with it (null when it asked for none).</summary>
    public TimeSpan? ServerWait { get; }

    /// <summary>For a connection failure: whether the request may have reached the server (outcome unknown).</summary>
    public bool RequestMayHaveBeenSent { get; }

    /// <summary>Wait <paramref name="wait"/>, then send again.</summary>
    public static AttemptDecision RetryAfter(TimeSpan wait, RetryKind kind, string reason, bool pausesConnection = false) =>
        new AttemptDecision(AttemptAction.Retry, wait, kind, reason, pausesConnection, default, GivingUpNote.None, null, false);

    /// <summary>Stop with <paramref name="failure"/>.</summary>
    public static AttemptDecision Fail(FailureKind failure, GivingUpNote note = GivingUpNote.None, TimeSpan? serverWait = null, bool requestMayHaveBeenSent = true) =>
        new AttemptDecision(AttemptAction.Fail, TimeSpan.Zero, default, null, false, failure, note, serverWait, requestMayHaveBeenSent);

    /// <inheritdoc />
    public override string ToString() => Action switch
    {
        AttemptAction.Retry => $"Retry after {Wait.TotalMilliseconds:0.###} ms ({RetryKind}: {Reason}{(PausesConnection ? ", connection paused" : string.Empty)})",
        AttemptAction.Fail => $"Fail with {Failure} ({Note}{(ServerWait.HasValue ? $", server wait {ServerWait.Value.TotalSeconds:0.###} s" : string.Empty)}{(Failure == FailureKind.ConnectionFailed && !RequestMayHaveBeenSent ? ", not sent" : string.Empty)})",
        _ => "Done",
    };
}
