using System.Globalization;

namespace CampaignPS.Engine.Http;

/// <summary>How one attempt went wrong before a usable answer was in hand, if it did.</summary>
internal enum AttemptFault
{
    /// <summary>An answer arrived (any status) and, for a 2xx, its body was read.</summary>
    None,

    /// <summary>No answer within the attempt's timeout.</summary>
    Timeout,

    /// <summary>The connection never opened (refused, name not resolved, network unreachable).</summary>
    ConnectionNeverOpened,

    /// <summary>The connection failed after it opened: the request may have left.</summary>
    ConnectionFailed,

    /// <summary>A 2xx answer arrived, then the connection failed while its body was read.</summary>
    BodyReadFailed,

    /// <summary>A 2xx answer arrived, then its body was not read within the attempt's timeout.</summary>
    BodyReadTimedOut,

    /// <summary>A 2xx answer arrived with a body that could not be read (not JSON, or empty).</summary>
    BodyUnreadable,

    /// <summary>
    /// The request failed before any of it was sent: the server's TLS certificate was rejected, the proxy refused the
    /// tunnel (407 on CONNECT), or the host name did not resolve. Sending again gives the same answer.
    /// </summary>
    NotSent,

    /// <summary>The command was stopped (Ctrl+C) and the request, already on the wire, got no answer within the grace.</summary>
    Abandoned,
}

/// <summary>
/// What happened on one attempt of one request, as <see cref="AttemptPolicy"/> needs it: the answer (status and
/// rate-limit headers) or the fault, whether request bytes may have left, what the request is, where the attempt
/// stands among the allowed ones, and how long earlier retries of the same request have waited.
/// </summary>
internal sealed class AttemptOutcome
{
    /// <summary>Describes an attempt. An answer's status is required unless the fault means none arrived.</summary>
    public AttemptOutcome(AttemptFault fault, int? statusCode, RateLimitSignal signal, bool requestMayHaveLeft,
        RequestSafety safety, int attempt, int maxAttempts, TimeSpan waitedSoFar, DateTimeOffset observedAt)
    {
        bool answered = fault != AttemptFault.Timeout && fault != AttemptFault.ConnectionNeverOpened && fault != AttemptFault.ConnectionFailed && fault != AttemptFault.NotSent && fault != AttemptFault.Abandoned;
        if (answered != statusCode.HasValue)
        {
            throw new ArgumentException(answered ? $"{fault} needs the status that arrived." : $"{fault} means no status arrived.", nameof(statusCode));
        }

        if (attempt < 1 || maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), "Attempts are counted from 1.");
        }

        Fault = fault;
        StatusCode = statusCode;
        Signal = signal ?? throw new ArgumentNullException(nameof(signal));
        RequestMayHaveLeft = requestMayHaveLeft;
        Safety = safety;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        WaitedSoFar = waitedSoFar;
        ObservedAt = observedAt;
    }

    /// <summary>How the attempt went wrong; <see cref="AttemptFault.None"/> when an answer was read.</summary>
    public AttemptFault Fault { get; }

    /// <summary>The status that arrived; null when no answer did.</summary>
    public int? StatusCode { get; }

    /// <summary>What the answer's rate-limit headers said (<see cref="RateLimitSignal.None"/> without an answer).</summary>
    public RateLimitSignal Signal { get; }

    /// <summary>False only when it is known that no byte of the request left (the connection never opened).</summary>
    public bool RequestMayHaveLeft { get; }

    /// <summary>What may be repeated of the request.</summary>
    public RequestSafety Safety { get; }

    /// <summary>This attempt, counted from 1.</summary>
    public int Attempt { get; }

    /// <summary>Attempts allowed in total, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>How long the retries before this attempt waited in total.</summary>
    public TimeSpan WaitedSoFar { get; }

    /// <summary>When the outcome was known (the reference for an absolute x-ratelimit-reset).</summary>
    public DateTimeOffset ObservedAt { get; }

    /// <summary>True when no attempt is left after this one.</summary>
    public bool IsLastAttempt => Attempt >= MaxAttempts;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(StatusCode.HasValue ? StatusCode.Value.ToString(CultureInfo.InvariantCulture) : "no answer")} {Fault} ({Safety}, attempt {Attempt} of {MaxAttempts}{(RequestMayHaveLeft ? string.Empty : ", nothing sent")})";
}
