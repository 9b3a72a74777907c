using System.Net;

namespace CampaignPS.Engine.Errors;

/// <summary>Turns what happened to one call into an <see cref="ApiFailure"/> with a stable ErrorId and advice.</summary>
internal sealed class ApiFailureBuilder
{
    private readonly PlatformInfo _platform;
    private readonly ApiOperation _operation;
    private readonly string _method;
    private readonly string _redactedUrl;
    private readonly Func<string, string> _scrub;

    public ApiFailureBuilder(PlatformInfo platform, ApiOperation operation, string method, string redactedUrl, Func<string, string>? scrub = null)
    {
        _platform = platform;
        _operation = operation;
        _method = method;
        _redactedUrl = redactedUrl;
        _scrub = scrub ?? (text => text);
    }

    private string P => _platform.ErrorIdPrefix;

    private string Name => _platform.DisplayName;

    private bool MayHaveHappened => _operation.Safety == RequestSafety.NonIdempotent;

    // A change of any kind: an answer that cannot be read leaves open whether it was made.
    private bool IsWrite => _operation.Safety != RequestSafety.Read;

    public ApiFailure FromResponse(HttpStatusCode status, string? body, string? requestId, TimeSpan? retryAfter)
    {
        int code = (int)status;
        // The fields are masked again after parsing: JSON escapes in the body spell an echoed key differently.
        ApiErrorBody error = ApiErrorBody.Parse(body).Scrubbed(_scrub);
        ErrorRule? rule = _operation.Rules.FirstOrDefault(r => r.Matches(code, error.Message) || r.Matches(code, error.Code));
        (string suffix, FailureCategory category, string advice) = rule != null
            ? (rule.ErrorIdSuffix, rule.Category, rule.Advice)
            : Default(code, error.Message);

        bool unknown = code >= 500 && code != NotImplemented && MayHaveHappened && rule == null;
        string apiText = string.IsNullOrWhiteSpace(error.Message) ? status.ToString() : error.Message!.TrimEnd('.');
        var failure = new ApiFailure(_platform.Platform, P + suffix, category,
            $"{Name}: {_operation.Description} failed with {code} {ReasonPhrase(status)}: {apiText}. {advice}")
        {
            StatusCode = status,
            ApiMessage = error.Message,
            ApiErrorCode = error.Code,
            IsTerminating = code == 401 || code == 407,
            OutcomeUnknown = unknown,
            RetryAfter = retryAfter,
        };
        return Stamp(failure, requestId);
    }

    public ApiFailure FromTimeout(TimeSpan timeout) => MayHaveHappened
        ? OutcomeUnknown($"no answer within {timeout.TotalSeconds:0.#} s")
        : Stamp(new ApiFailure(_platform.Platform, P + "Timeout", FailureCategory.OperationTimeout,
            $"{Name}: {_operation.Description} got no answer within {timeout.TotalSeconds:0.#} s, also after retries. Try again later or raise the timeout."), null);

    public ApiFailure FromConnectionFailure(string reason, bool requestMayHaveBeenSent) => requestMayHaveBeenSent && MayHaveHappened
        ? OutcomeUnknown($"the connection failed ({reason})")
        : Stamp(new ApiFailure(_platform.Platform, P + "ConnectionFailed", FailureCategory.ConnectionError,
            $"{Name}: {_operation.Description} could not reach {_platform.DisplayName} ({reason}), also after retries. Check the network, proxy and -BaseUri."), null);

    // A 2xx whose body cannot be read (or lacks what a success must carry): for a create, the server may well have
    // made it, so it is an unknown outcome and never an object; for a read it is an invalid answer.
    public ApiFailure FromUnreadableResponse(HttpStatusCode status, string detail, string? requestId) => IsWrite
        ? Stamp(OutcomeUnknownFailure($"it answered {(int)status} with a body that could not be read ({detail})", status), requestId)
        : Stamp(new ApiFailure(_platform.Platform, P + "InvalidResponse", FailureCategory.InvalidResult,
            $"{Name}: {_operation.Description} returned {(int)status} with a body that could not be read ({detail}).")
        { StatusCode = status }, requestId);

    public ApiFailure FromIncompleteAnswer(HttpStatusCode status, string missing, string? requestId) => IsWrite
        ? Stamp(OutcomeUnknownFailure($"it answered {(int)status} without {missing}, so it cannot be told apart from an answer that is not the platform's (a wrong -BaseUri, a captive portal)", status), requestId)
        : Stamp(new ApiFailure(_platform.Platform, P + "InvalidResponse", FailureCategory.InvalidResult,
            $"{Name}: {_operation.Description} returned {(int)status} without {missing}. Check -BaseUri: the answer does not look like {Name}'s.")
        { StatusCode = status }, requestId);

    public ApiFailure FromAbandoned() =>
        OutcomeUnknown("the command was stopped (Ctrl+C) while the request was on the wire, and no answer came within the grace");

    public ApiFailure FromRedirect(HttpStatusCode status, string? target, string? requestId)
    {
        string where = string.IsNullOrEmpty(target) ? "another address" : target!;
        return Stamp(new ApiFailure(_platform.Platform, P + "Redirected", FailureCategory.ConnectionError,
            $"{Name}: {_operation.Description} was answered with {(int)status} {ReasonPhrase(status)} to {where}. CampaignPS does not follow redirects, so the key stays with this connection's host and nothing was {(MayHaveHappened ? "created" : "changed")}. Check -BaseUri (the platform's address may have moved).")
        { StatusCode = status }, requestId);
    }

    public ApiFailure FromNotSent(NotSentCause cause, string detail) => cause switch
    {
        NotSentCause.Certificate => Stamp(new ApiFailure(_platform.Platform, P + "TlsHandshakeFailed", FailureCategory.SecurityError,
            $"{Name}: {_operation.Description} was not sent: the TLS handshake failed ({detail}), so the server's certificate was rejected or no secure connection could be agreed. Nothing left this machine. Check -BaseUri, the system clock and any TLS-inspecting proxy."), null),
        NotSentCause.ProxyAuthentication => Stamp(new ApiFailure(_platform.Platform, P + "ProxyAuthenticationRequired", FailureCategory.PermissionDenied,
            $"{Name}: {_operation.Description} was not sent: the proxy asked for credentials (407) before opening the tunnel. Connect again with -ProxyCredential or -ProxyUseDefaultCredentials.")
        { IsTerminating = true, StatusCode = (HttpStatusCode)407 }, null),
        _ => Stamp(new ApiFailure(_platform.Platform, P + "HostNotFound", FailureCategory.ConnectionError,
            $"{Name}: {_operation.Description} was not sent: the host name could not be resolved ({detail}). Check -BaseUri and the DNS or proxy settings."), null),
    };

    public ApiFailure FromRateLimitBudgetSpent(TimeSpan budget, string? requestId) =>
        Stamp(new ApiFailure(_platform.Platform, P + "RateLimited", FailureCategory.LimitsExceeded,
            $"{Name}: {_operation.Description} was still rate limited (429) after {budget.TotalSeconds:0} s of waiting and retrying. Another client may be using the same key, or the plan's limit is lower: lower -ThrottleLimit, or try again later.")
        { StatusCode = (HttpStatusCode)429 }, requestId);

    public ApiFailure FromServerWaitTooLong(TimeSpan wait, TimeSpan limit, string? requestId) =>
        Stamp(new ApiFailure(_platform.Platform, P + "RateLimited", FailureCategory.LimitsExceeded,
            $"{Name}: {_operation.Description} was rate limited and the server asked to wait {wait.TotalSeconds:0} s, more than the {limit.TotalSeconds:0} s allowed. Try again after {DateTimeOffset.Now + wait:t}.")
        { StatusCode = (HttpStatusCode)429, RetryAfter = wait }, requestId);

    private ApiFailure OutcomeUnknown(string what) =>
        Stamp(new ApiFailure(_platform.Platform, P + "OutcomeUnknown", FailureCategory.ResourceUnavailable,
            $"{Name}: {_operation.Description} may or may not have been carried out: {what} after the request was sent. It was not sent again to avoid a duplicate. Check whether it exists before you retry.")
        { OutcomeUnknown = true }, null);

    private ApiFailure OutcomeUnknownFailure(string what, HttpStatusCode status) =>
        new ApiFailure(_platform.Platform, P + "OutcomeUnknown", FailureCategory.ResourceUnavailable,
            $"{Name}: {_operation.Description} may or may not have been carried out: {what}. It was not sent again to avoid a duplicate. Check whether it exists before you retry.")
        { OutcomeUnknown = true, StatusCode = status };

    private ApiFailure Stamp(ApiFailure failure, string? requestId)
    {
        failure.Method = _method;
        failure.RedactedUrl = _redactedUrl;
        failure.RequestId = requestId;
        return failure;
    }

    private (string Suffix, FailureCategory Category, string Advice) Default(int code, string? apiMessage)
    {
        string resource = _operation.Resource;
        switch (code)
        {
            case 400:
            case 422:
                return ("InvalidRequest", FailureCategory.InvalidData, "Correct the value the message names and try again.");
            case 401:
                return ("Unauthorized", FailureCategory.PermissionDenied, $"The API key was rejected. Run {_platform.ConnectCommand} with a valid key.");
            case 403:
                return ("Forbidden", FailureCategory.PermissionDenied, "The key is valid but not allowed to do this. Check the account's plan and permissions.");
            case 407:
                return ("ProxyAuthenticationRequired", FailureCategory.PermissionDenied, "The proxy wants credentials: connect again with -ProxyCredential or -ProxyUseDefaultCredentials.");
            case 404:
                (string notFound, string check) = NotFound(apiMessage);
                return (notFound, FailureCategory.ObjectNotFound, check);
            case 409:
                return (resource + "Conflict", MayHaveHappened ? FailureCategory.ResourceExists : FailureCategory.InvalidOperation,
                    $"The {Words(resource)}'s current state does not allow this {_operation.Description}: read it again and check what the message says.");
            case NotImplemented:
                return ("NotImplemented", FailureCategory.InvalidOperation, $"{Name} documents this call but does not carry it out for this request; it was not retried. Do it in the {Name} app instead.");
            case 413:
                return ("PayloadTooLarge", FailureCategory.InvalidData, "Send less data in one request.");
            case 429:
                return ("RateLimited", FailureCategory.LimitsExceeded, "The rate limit was still exceeded after waiting and retrying. Lower -ThrottleLimit or try again later.");
            default:
                if (code >= 500)
                {
                    return MayHaveHappened
                        ? ("OutcomeUnknown", FailureCategory.ResourceUnavailable, "It was not sent again, to avoid a duplicate: check whether it exists before you retry.")
                        : ("ServerError", FailureCategory.ResourceUnavailable, "The platform had a problem, also after retries. Try again later.");
                }

                return ("RequestFailed", FailureCategory.NotSpecified, string.Empty);
        }
    }

    private const int NotImplemented = 501;

    // A 404 is about the resource the server's message names (by id, else by name), else about the ids the request
    // carried; an operation that did not say what it carries is about its own resource.
    private (string Suffix, string Advice) NotFound(string? apiMessage)
    {
        IReadOnlyList<RequestTarget> targets = _operation.Targets;
        if (!_operation.TargetsKnown)
        {
            return (_operation.Resource + "NotFound", $"Check the {Words(_operation.Resource)} id.");
        }

        string message = apiMessage ?? string.Empty;
        List<RequestTarget> named = targets.Where(t => t.Id.Length > 1 && message.IndexOf(t.Id, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
        if (named.Count == 0)
        {
            named = targets.Where(t => message.IndexOf(Words(t.Resource), StringComparison.OrdinalIgnoreCase) >= 0).ToList();
        }

        if (named.Count == 0)
        {
            named = targets.ToList();
        }

        return named.Count switch
        {
            0 => ("NotFound", "Check the ids the request names."),
            1 => (named[0].Resource + "NotFound", $"Check the {Words(named[0].Resource)} id '{named[0].Id}'."),
            _ => ("NotFound", "Check " + string.Join(" and ", named.Select(t => $"the {Words(t.Resource)} id '{t.Id}'")) + "."),
        };
    }

    // "EmailMessage" as words for a sentence: "email message".
    private static string Words(string pascalCase) => SplitWords(pascalCase).ToLowerInvariant();

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        (HttpStatusCode)429 => "Too Many Requests",
        (HttpStatusCode)422 => "Unprocessable Entity",
        _ => SplitWords(status.ToString()),
    };

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
