namespace CampaignPS.Sandbox;

public enum FaultKind
{
    Status,
    Delay,
    DropConnection,
    MalformedJson,
    RateLimited,

    /// <summary>Answers with a redirect (<see cref="FaultRule.StatusCode"/> 301/302/307/308) to <see cref="FaultRule.Location"/>.</summary>
    Redirect,

    /// <summary>Answers <see cref="FaultRule.StatusCode"/> with <see cref="FaultRule.Body"/> as JSON (a 200 that is not the platform's answer).</summary>
    Body,

    /// <summary>Answers <see cref="FaultRule.StatusCode"/> with an error message that echoes the caller's key in several spellings.</summary>
    EchoKey,
}

/// <summary>When a fault strikes. AfterHandler lets the route run (state changes!) and then replaces or
/// kills the response: "the create reached the server but the client never learned the outcome".</summary>
public enum FaultTiming
{
    BeforeHandler,
    AfterHandler,
}

public sealed class FaultRule
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Case-insensitive prefix of the request path, e.g. "/loops/api/v1/campaigns".</summary>
    public string PathPrefix { get; set; } = "/";

    public FaultKind Kind { get; set; }

    /// <summary>Status sent by <see cref="FaultKind.Status"/> (and by Redirect, Body and EchoKey when set; they default to 302, 200 and 400).</summary>
    public int StatusCode { get; set; } = 503;

    /// <summary>Where a <see cref="FaultKind.Redirect"/> points.</summary>
    public string? Location { get; set; }

    /// <summary>The JSON a <see cref="FaultKind.Body"/> answers with.</summary>
    public string? Body { get; set; }

    /// <summary>Wait added by <see cref="FaultKind.Delay"/>; the request then proceeds normally.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Retry-After sent with <see cref="FaultKind.RateLimited"/> and, if set, <see cref="FaultKind.Status"/>.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>How many matching requests the rule hits; -1 means unlimited.</summary>
    public int Times { get; set; } = 1;

    public FaultTiming When { get; set; } = FaultTiming.BeforeHandler;

    /// <summary>Chance (0..1) that a matching request is hit, drawn from the seeded random of <see cref="SandboxFaults"/>.</summary>
    public double Probability { get; set; } = 1.0;

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);

    internal FaultRule Copy() => (FaultRule)MemberwiseClone();
}
