namespace CampaignPS.Engine.Errors;

/// <summary>
/// Why an operation failed. Every name matches a member of PowerShell's ErrorCategory, so the
/// module maps one to the other by name (a test checks the names against the real enum).
/// </summary>
public enum FailureCategory
{
    /// <summary>Nothing more specific is known.</summary>
    NotSpecified,
    /// <summary>Input rejected before sending (client-side validation).</summary>
    InvalidArgument,
    /// <summary>400 / 413 / 422: the API rejected the data.</summary>
    InvalidData,
    /// <summary>409 on an update: the object is in a state that does not allow it.</summary>
    InvalidOperation,
    /// <summary>409 on a create: it exists already.</summary>
    ResourceExists,
    /// <summary>401 / 403.</summary>
    PermissionDenied,
    /// <summary>No connection, or a key that was never given.</summary>
    AuthenticationError,
    /// <summary>404.</summary>
    ObjectNotFound,
    /// <summary>429 that outlasted the retries.</summary>
    LimitsExceeded,
    /// <summary>5xx, or an outcome that is not known.</summary>
    ResourceUnavailable,
    /// <summary>No answer in time.</summary>
    OperationTimeout,
    /// <summary>The connection failed or dropped.</summary>
    ConnectionError,
    /// <summary>The API answered with something that could not be read.</summary>
    InvalidResult,
    /// <summary>The user cancelled (Ctrl+C).</summary>
    OperationStopped,

    /// <summary>A certificate or other security check failed.</summary>
    SecurityError,
}
