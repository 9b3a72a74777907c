using System.Net;

namespace CampaignPS.Engine.Errors;

/// <summary>
/// The one exception the engine throws when a platform call fails: it carries the stable
/// ErrorId, the category, the HTTP status and the API's own message and request id.
/// Nothing in it contains an API key: URLs are redacted and bodies scrubbed before it is built.
/// </summary>
public sealed class CampaignApiException : Exception
{
    /// <summary>Creates the exception; use <see cref="ApiFailureBuilder"/> rather than calling this directly.</summary>
    public CampaignApiException(ApiFailure failure, Exception? innerException = null)
        : base(failure.Message, innerException)
    {
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));
    }

    /// <summary>Everything known about the failure.</summary>
    public ApiFailure Failure { get; }

    /// <summary>Stable identifier such as <c>LoopsCampaignNotDraft</c>.</summary>
    public string ErrorId => Failure.ErrorId;

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode => Failure.StatusCode;
}

/// <summary>The facts of one failed call, free of secrets.</summary>
public sealed class ApiFailure
{
    /// <summary>Creates a failure description.</summary>
    public ApiFailure(Platform platform, string errorId, FailureCategory category, string message)
    {
        Platform = platform;
        ErrorId = errorId;
        Category = category;
        Message = message;
    }

    /// <summary>The platform that was called.</summary>
    public Platform Platform { get; }

    /// <summary>Stable identifier such as <c>LoopsCampaignNotDraft</c>.</summary>
    public string ErrorId { get; }

    /// <summary>Maps to PowerShell's ErrorCategory.</summary>
    public FailureCategory Category { get; }

    /// <summary>A sentence for the user: what failed and what to do.</summary>
    public string Message { get; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; set; }

    /// <summary>The message the API itself returned, if any.</summary>
    public string? ApiMessage { get; set; }

    /// <summary>The API's own error code, if any.</summary>
    public string? ApiErrorCode { get; set; }

    /// <summary>The request id the server returned (x-request-id and similar), for support tickets.</summary>
    public string? RequestId { get; set; }

    /// <summary>HTTP method of the failed call.</summary>
    public string? Method { get; set; }

    /// <summary>The URL of the failed call with every secret redacted.</summary>
    public string? RedactedUrl { get; set; }

    /// <summary>
    /// True when the request may have been carried out although no answer arrived
    /// (a create that timed out): check before sending it again.
    /// </summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>True when the whole run should stop (a rejected key), not just this record.</summary>
    public bool IsTerminating { get; set; }

    /// <summary>How many times the request was sent before it failed (0 when it was refused before sending).</summary>
    public int Attempts { get; set; }

    /// <summary>When the platform asked us to wait for its rate limit, how long.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Short text for PowerShell's ErrorDetails: the API message and request id.</summary>
    public string Details
    {
        get
        {
            string api = string.IsNullOrEmpty(ApiMessage) ? Message : ApiMessage!;
            string code = string.IsNullOrEmpty(ApiErrorCode) ? string.Empty : $" (code {ApiErrorCode})";
            string request = string.IsNullOrEmpty(RequestId) ? string.Empty : $" [request id {RequestId}]";
            return api + code + request;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorId}: {Message}";
}
