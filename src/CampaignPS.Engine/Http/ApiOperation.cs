namespace CampaignPS.Engine.Http;

/// <summary>
/// One kind of call a platform client makes: what it is called in messages, which resource it
/// touches (for ErrorIds such as <c>LoopsCampaignNotFound</c>), whether it may be retried, and
/// any platform-specific meaning of its error statuses.
/// </summary>
public sealed class ApiOperation
{
    /// <summary>Describes an operation.</summary>
    public ApiOperation(string description, string resource, RequestSafety safety, params ErrorRule[] rules)
    {
        Description = description;
        Resource = resource;
        Safety = safety;
        Rules = rules ?? Array.Empty<ErrorRule>();
    }

    /// <summary>Lower-case phrase for messages, e.g. "create campaign".</summary>
    public string Description { get; }

    /// <summary>PascalCase resource name for ErrorIds, e.g. "Campaign".</summary>
    public string Resource { get; }

    /// <summary>What may be retried.</summary>
    public RequestSafety Safety { get; }

    /// <summary>Platform-specific meanings of error statuses, tried in order.</summary>
    public IReadOnlyList<ErrorRule> Rules { get; }
}

/// <summary>Gives an error status (optionally only when the API message contains a phrase) its own ErrorId, category and advice.</summary>
public sealed class ErrorRule
{
    /// <summary>Creates a rule.</summary>
    public ErrorRule(int statusCode, string errorIdSuffix, FailureCategory category, string advice, string? whenMessageContains = null)
    {
        StatusCode = statusCode;
        ErrorIdSuffix = errorIdSuffix;
        Category = category;
        Advice = advice;
        WhenMessageContains = whenMessageContains;
    }

    /// <summary>The HTTP status this rule applies to.</summary>
    public int StatusCode { get; }

    /// <summary>Appended to the platform name to form the ErrorId.</summary>
    public string ErrorIdSuffix { get; }

    /// <summary>The category to report.</summary>
    public FailureCategory Category { get; }

    /// <summary>What the user should do, appended to the message.</summary>
    public string Advice { get; }

    /// <summary>Only applies when the API message contains this text (case-insensitive); null for always.</summary>
    public string? WhenMessageContains { get; }

    internal bool Matches(int statusCode, string? apiMessage) =>
        statusCode == StatusCode &&
        (WhenMessageContains == null || (apiMessage ?? string.Empty).IndexOf(WhenMessageContains, StringComparison.OrdinalIgnoreCase) >= 0);
}
