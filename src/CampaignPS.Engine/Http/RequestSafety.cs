namespace CampaignPS.Engine.Http;

/// <summary>What may safely be done again when a request's outcome is not known (DESIGN.md rule 2).</summary>
public enum RequestSafety
{
    /// <summary>A read: retried on 429, 5xx, timeouts and connection failures.</summary>
    Read,

    /// <summary>An update that gives the same result when repeated: retried like a read.</summary>
    IdempotentWrite,

    /// <summary>
    /// A create (or a guarded update) that must not be sent twice: retried on 429 and when the
    /// connection failed before anything was sent; otherwise reported as "outcome unknown".
    /// </summary>
    NonIdempotent,
}
