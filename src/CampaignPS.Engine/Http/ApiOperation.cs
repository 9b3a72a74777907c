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

    /// <summary>The ids one call of this operation carries, by resource (set with <see cref="About"/>); a 404 names one of them.</summary>
    public IReadOnlyList<RequestTarget> Targets { get; private set; } = Array.Empty<RequestTarget>();

    /// <summary>True when the call said which ids it carries (even none): a 404 is then not taken to be about <see cref="Resource"/>.</summary>
    public bool TargetsKnown { get; private set; }

    /// <summary>This operation for one call that carries these ids (null ids are left out), so a 404 can name what was not found.</summary>
    public ApiOperation About(params (string Resource, string? Id)[] targets) => new ApiOperation(Description, Resource, Safety, Rules.ToArray())
    {
        Targets = targets.Where(t => !string.IsNullOrWhiteSpace(t.Id)).Select(t => new RequestTarget(t.Resource, t.Id!.Trim())).ToList(),
        TargetsKnown = true,
    };
}

/// <summary>An id a request carries, and the resource it names (e.g. MailingList, list_123).</summary>
public sealed class RequestTarget
{
    /// <summary>Creates a target.</summary>
    public RequestTarget(string resource, string id)
    {
        Resource = resource;
        Id = id;
    }

    /// <summary>PascalCase resource name, e.g. "MailingList".</summary>
    public string Resource { get; }

    /// <summary>The id as sent.</summary>
    public string Id { get; }
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

    /// <summary>
    /// The answer is final and is not retried, whatever its status: a 429 that reports a daily quota (Loops' preview
    /// and upload limits) rather than a rate limit would otherwise be retried until the rate-limit budget is spent.
    /// </summary>
    public bool Final { get; set; }

    /// <summary>Only applies when the API message contains this text (case-insensitive); null for always.</summary>
    public string? WhenMessageContains { get; }

    internal bool Matches(int statusCode, string? apiMessage) =>
        statusCode == StatusCode &&
        (WhenMessageContains == null || (apiMessage ?? string.Empty).IndexOf(WhenMessageContains, StringComparison.OrdinalIgnoreCase) >= 0);
}
