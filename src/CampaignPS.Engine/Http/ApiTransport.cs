using System.Diagnostics;
using CampaignPS.Engine.Pipeline;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignPS.Engine.Http;

/// <summary>
/// The HTTP mechanics every platform client shares: one reused HttpClient per connection,
/// authentication, pacing, retries that are safe for the kind of request, timeouts, logging
/// with redacted URLs, and failures turned into <see cref="CampaignApiException"/>.
/// </summary>
public sealed class ApiTransport : IDisposable
{
    private static readonly string UserAgent = "CampaignPS/" + ModuleVersion();

    private readonly PlatformInfo _platform;
    private readonly ApiConnectionOptions _options;
    private readonly IRequestAuthenticator _authenticator;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly AttemptPolicy _policy;

    internal ApiTransport(PlatformInfo platform, ApiConnectionOptions options, IRequestAuthenticator authenticator)
    {
        _platform = platform;
        _options = options;
        _authenticator = authenticator;
        BaseUri = NormalizeBaseUri(platform, options.BaseUri ?? platform.DefaultBaseUri);
        RateLimiter = SharedRateLimiters.For(platform, BaseUri, options);
        var jitter = new Random();
        _policy = new AttemptPolicy(options.Retry, platform.RateLimitWindow, RateLimiter, () =>
        {
            lock (jitter)
            {
                return jitter.NextDouble();
            }
        });
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CampaignPS.Http." + platform.ErrorIdPrefix);
        HttpMessageHandler handler = options.HttpMessageHandler ?? HttpHandlers.Create(options);
        _http = new HttpClient(handler, disposeHandler: options.HttpMessageHandler == null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    /// <summary>The API root every relative path is resolved against (always ends with '/').</summary>
    public Uri BaseUri { get; }

    /// <summary>The connection's pacing, shared by all its callers; null when client-side limiting is off.</summary>
    public RequestRateLimiter? RateLimiter { get; }

    /// <summary>How long the server has been taking to answer (send to last byte), for sizing the work in flight.</summary>
    public LatencyGauge Latency { get; } = new LatencyGauge();

    /// <summary>Sends a request and reads the JSON answer as <typeparamref name="T"/>.</summary>
    public Task<T> SendAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? query = null) =>
        SendAsync<T>(operation, method, relativePath, body, null, cancellationToken, query);

    /// <summary>
    /// Sends a request to an endpoint no client method wraps, with the connection's authentication,
    /// pacing, retries and error mapping. GET is retried like any read; other methods are retried
    /// only when <paramref name="idempotent"/> says repeating them is harmless.
    /// </summary>
    public async Task<RawApiResponse> SendRawAsync(HttpMethod method, string relativePath, string? jsonBody, IEnumerable<KeyValuePair<string, string?>>? query, bool idempotent, CancellationToken cancellationToken)
    {
        RequestSafety safety = method == HttpMethod.Get || method == HttpMethod.Head ? RequestSafety.Read
            : idempotent ? RequestSafety.IdempotentWrite : RequestSafety.NonIdempotent;
        var operation = new ApiOperation($"{method.Method} {relativePath.Split('?')[0]}", "Resource", safety);
        RawApiResponse? result = null;
        object? body = jsonBody == null ? null : new RawJson(jsonBody);
        await SendCoreAsync(operation, method, relativePath, body, query, _authenticator, async (response, token) =>
        {
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            result = new RawApiResponse(response.StatusCode, text);
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Sends a request whose success answer has no body (or one that does not matter).</summary>
    public Task SendWithoutResultAsync(ApiOperation operation, HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(operation, method, relativePath, body, null, cancellationToken);

    internal Task SendWithoutResultAsync(ApiOperation operation, HttpMethod method, string relativePath, object? body, IRequestAuthenticator? authenticator, CancellationToken cancellationToken) =>
        SendCoreAsync(operation, method, relativePath, body, null, authenticator ?? _authenticator, (response, token) => Task.CompletedTask, cancellationToken);

    internal Task<T> SendAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, IRequestAuthenticator? authenticator, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? query = null) =>
        SendAsync<T>(operation, method, relativePath, body, authenticator, (Func<T, string?>?)null, cancellationToken, query, null);

    /// <summary>
    /// Sends a request whose answer must carry something to count as a success: <paramref name="missing"/> names what
    /// the parsed answer lacks (e.g. "the created campaign's id"), or returns null. A 2xx without it (a wrong base URI,
    /// a captive portal answering 200) is an unknown outcome for a create and an invalid answer for a read, never a result.
    /// </summary>
    internal Task<T> SendCheckedAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, Func<T, string?> missing, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? query = null, AttemptCount? attempts = null) =>
        SendAsync<T>(operation, method, relativePath, body, null, missing, cancellationToken, query, attempts);

    /// <summary><see cref="SendCheckedAsync{T}(ApiOperation, HttpMethod, string, object?, Func{T, string?}, CancellationToken, IEnumerable{KeyValuePair{string, string?}}?, AttemptCount?)"/> with another authenticator (a sign-in, a token refresh).</summary>
    internal Task<T> SendCheckedAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, IRequestAuthenticator authenticator, Func<T, string?> missing, CancellationToken cancellationToken) =>
        SendAsync<T>(operation, method, relativePath, body, authenticator, missing, cancellationToken, null, null);

    private async Task<T> SendAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, IRequestAuthenticator? authenticator, Func<T, string?>? missing, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? query, AttemptCount? attempts)
    {
        T? result = default;
        await SendCoreAsync(operation, method, relativePath, body, query, authenticator ?? _authenticator, async (response, token) =>
        {
            try
            {
                // The body is already buffered (ResponseContentRead): parse it in one synchronous pass.
                byte[] json = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                result = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            }
            catch (JsonException exception)
            {
                throw new UnreadableBodyException("not valid JSON: " + exception.Message);
            }

            if (result is null)
            {
                throw new UnreadableBodyException("empty body");
            }

            string? lacking = missing?.Invoke(result);
            if (lacking != null)
            {
                throw new UnreadableBodyException(lacking, incomplete: true);
            }
        }, cancellationToken, attempts).ConfigureAwait(false);
        return result!;
    }

    /// <summary>
    /// PUTs <paramref name="content"/> to a pre-signed URL that the API handed out (an upload to storage on another
    /// host). The URL carries its own signature, so no credential of this connection goes with it; it must be https
    /// (plain http only on loopback), and only its scheme, host and path are logged or put in an error. One attempt:
    /// the caller decides whether to start the upload again.
    /// </summary>
    internal async Task PutToPresignedUrlAsync(ApiOperation operation, Uri target, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var rules = new InputRules(_platform.ErrorIdPrefix);
        if (target == null || !target.IsAbsoluteUri || !(target.Scheme == Uri.UriSchemeHttps || (target.Scheme == Uri.UriSchemeHttp && target.IsLoopback)))
        {
            throw rules.Fail("PresignedUrl", $"{_platform.DisplayName} answered with an upload address that is not https; nothing was uploaded.");
        }

        string shown = target.GetLeftPart(UriPartial.Path);
        var failures = new ApiFailureBuilder(_platform, operation, "PUT", shown, Scrub);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Content.Headers.ContentLength = content.LongLength;
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CampaignApiException(failures.FromTimeout(_options.RequestTimeout));
        }
        catch (Exception exception) when (TransportFailure.IsTransportException(exception))
        {
            throw new CampaignApiException(failures.FromConnectionFailure(UrlRedactor.Redact(TransportFailure.Describe(exception)), requestMayHaveBeenSent: true));
        }

        using (response)
        {
            _logger.LogInformation("{Method} {Url} -> {Status} {Reason} ({Elapsed} ms)", "PUT", shown, (int)response.StatusCode, response.ReasonPhrase, stopwatch.ElapsedMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                string? body = await ReadBodySafelyAsync(response).ConfigureAwait(false);
                throw new CampaignApiException(failures.FromResponse(response.StatusCode, body, RequestId(response), null));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task SendCoreAsync(ApiOperation operation, HttpMethod method, string relativePath, object? body,
        IEnumerable<KeyValuePair<string, string?>>? query, IRequestAuthenticator authenticator,
        Func<HttpResponseMessage, CancellationToken, Task> readSuccess, CancellationToken cancellationToken, AttemptCount? attempts = null)
    {
        Uri uri = ApiPath.Resolve(BaseUri, relativePath, query, new InputRules(_platform.ErrorIdPrefix));
        string redactedUrl = RedactedWireUrl(method, uri, authenticator);
        var failures = new ApiFailureBuilder(_platform, operation, method.Method, redactedUrl, Scrub);
        int maxAttempts = Math.Max(1, _options.Retry.MaxAttempts);
        Stopwatch sinceFirstAttempt = null!;
        RateLimitPause? pause = null;

        // Serialised once, before waiting for a slot: the request leaves the moment its slot comes (not after
        // serialising up to 400 leads, which on a busy machine can push it into the next request's window),
        // it carries a Content-Length, and every retry sends the same bytes.
        byte[]? payload = SerializeBody(body);
        var renewing = authenticator as IRenewingAuthenticator;
        bool renewedAfterRejection = false;
        if (renewing != null)
        {
            // A signed-in connection: sign in on first use, renew a token that is about to expire.
            await renewing.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        for (int attempt = 1; ; attempt++)
        {
            int generation = renewing?.Generation ?? 0;
            PacedSend? paced = null;
            if (RateLimiter != null)
            {
                try
                {
                    paced = await RateLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (pause != null)
                {
                    // Ctrl+C during a wait this request asked for: the connection is not held for a request that is gone.
                    RateLimiter.Release(pause);
                    throw;
                }
            }

            sinceFirstAttempt ??= Stopwatch.StartNew();
            var context = new AttemptContext(method, uri, redactedUrl, payload, authenticator, operation.Safety, attempt, maxAttempts, sinceFirstAttempt.Elapsed);
            var roundTrip = Stopwatch.StartNew();
            AttemptReport report = await SendAttemptAsync(context, readSuccess, cancellationToken).ConfigureAwait(false);
            if (report.Outcome.StatusCode.HasValue)
            {
                Latency.Record(roundTrip.Elapsed);
            }

            if (paced != null)
            {
                // What the server said about its limit, and whether it refused, is what the pacing learns from.
                RateLimiter!.Observe(paced, report.Outcome.StatusCode, report.Outcome.Signal);
            }

            if (report.Outcome.StatusCode == 401 && renewing != null && !renewedAfterRejection)
            {
                // The token expired earlier than it said (or was revoked): a 401 means nothing was done, so renew
                // once and send the same request again, whatever its kind.
                renewedAfterRejection = true;
                if (await renewing.RenewAfterRejectionAsync(generation, cancellationToken).ConfigureAwait(false))
                {
                    _logger.LogInformation("{Platform}: the token was refused (401); renewed it, sending {Operation} again.", _platform.DisplayName, operation.Description);
                    attempt--;
                    continue;
                }
            }

            if (report.Outcome.StatusCode is int refusedWith && refusedWith >= 400 && IsFinal(operation, refusedWith, report.ErrorBody))
            {
                LogGivingUp(operation, attempt, GivingUpNote.None);
                ApiFailure final = failures.FromResponse((HttpStatusCode)refusedWith, report.ErrorBody, report.RequestId, null);
                final.Attempts = attempt;
                throw new CampaignApiException(final);
            }

            AttemptDecision decision = _policy.Decide(report.Outcome);
            attempts?.Record(report.Outcome, decision);
            switch (decision.Action)
            {
                case AttemptAction.Done:
                    return;
                case AttemptAction.Retry:
                    LogRetry(decision, report.Outcome, operation);
                    pause = null;
                    if (decision.PausesConnection && RateLimiter != null)
                    {
                        // The next WaitAsync holds this request, and every other caller of the connection, until then.
                        pause = RateLimiter.Pause(decision.Wait);
                    }
                    else
                    {
                        await Task.Delay(decision.Wait, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                default:
                    LogGivingUp(operation, attempt, decision.Note);
                    ApiFailure failure = BuildFailure(failures, decision, report);
                    failure.Attempts = attempt;
                    throw new CampaignApiException(failure);
            }
        }
    }

    // One attempt: sends, reads the whole answer under the attempt's timeout, logs what came back, follows a spent
    // server window, and describes what happened. Decides nothing.
    private async Task<AttemptReport> SendAttemptAsync(AttemptContext context, Func<HttpResponseMessage, CancellationToken, Task> readSuccess, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // After Ctrl+C a request already on the wire gets a grace to answer (the cmdlet's bridge says how long); only
        // waits before sending stop at once. Outside a cmdlet the caller's token does both.
        CancellationToken inFlight = PipelineBridge.Current?.InFlight ?? CancellationToken.None;
        CancellationToken wire = inFlight.CanBeCanceled ? inFlight : cancellationToken;
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(wire);
        attemptTimeout.CancelAfter(_options.RequestTimeout);
        using HttpRequestMessage request = BuildRequest(context.Method, context.Uri, context.Payload, context.Authenticator);

        HttpResponseMessage response;
        try
        {
            // The whole answer is read here, under the attempt's timeout (API answers are small); a connection lost
            // while reading it is then a transport failure like any other.
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!wire.IsCancellationRequested)
        {
            LogAttemptFailure(context, $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", stopwatch.Elapsed);
            return context.NoAnswer(AttemptFault.Timeout, null);
        }
        catch (OperationCanceledException) when (inFlight.CanBeCanceled && inFlight.IsCancellationRequested && context.Safety != RequestSafety.Read)
        {
            LogAttemptFailure(context, "stopped while on the wire", stopwatch.Elapsed);
            return context.NoAnswer(AttemptFault.Abandoned, null);
        }
        catch (Exception exception) when (TransportFailure.IsTransportException(exception))
        {
            string reason = UrlRedactor.Redact(Scrub(TransportFailure.Describe(exception)));
            LogAttemptFailure(context, reason, stopwatch.Elapsed);
            if (TransportFailure.NothingSent(exception, out NotSentCause cause))
            {
                return context.NotSent(cause, reason);
            }

            return context.NoAnswer(TransportFailure.IsConnectFailure(exception) ? AttemptFault.ConnectionNeverOpened : AttemptFault.ConnectionFailed, reason);
        }

        using (response)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("{Method} {Url} -> {Status} {Reason} ({Elapsed} ms)", context.Method.Method, context.RedactedUrl, (int)response.StatusCode, response.ReasonPhrase, stopwatch.ElapsedMilliseconds);
            }

            RateLimitSignal signal = RateLimitSignal.From(response, DateTimeOffset.UtcNow);
            FollowServerWindow(signal);
            string? requestId = RequestId(response);
            if (!response.IsSuccessStatusCode)
            {
                string? errorBody = await ReadBodySafelyAsync(response).ConfigureAwait(false);
                return context.Answer(AttemptFault.None, response.StatusCode, signal, requestId, detail: RedirectTarget(response), errorBody: errorBody);
            }

            try
            {
                await readSuccess(response, attemptTimeout.Token).ConfigureAwait(false);
                return context.Answer(AttemptFault.None, response.StatusCode, signal, requestId);
            }
            catch (UnreadableBodyException exception)
            {
                return context.Answer(AttemptFault.BodyUnreadable, response.StatusCode, signal, requestId, detail: exception.Detail, incomplete: exception.Incomplete);
            }
            catch (OperationCanceledException) when (!wire.IsCancellationRequested)
            {
                return context.Answer(AttemptFault.BodyReadTimedOut, response.StatusCode, signal, requestId);
            }
            catch (OperationCanceledException) when (inFlight.CanBeCanceled && inFlight.IsCancellationRequested && context.Safety != RequestSafety.Read)
            {
                // The server answered success, then the grace after Ctrl+C ended while the body was read: the change
                // was made, so this is no cancellation (which would say nothing was sent) but an unknown outcome.
                LogAttemptFailure(context, "stopped while the answer was read", stopwatch.Elapsed);
                return context.NoAnswer(AttemptFault.Abandoned, null);
            }
            catch (Exception exception) when (TransportFailure.IsTransportException(exception))
            {
                string reason = UrlRedactor.Redact(Scrub(TransportFailure.Describe(exception)));
                return context.Answer(AttemptFault.BodyReadFailed, response.StatusCode, signal, requestId, detail: reason);
            }
        }
    }

    private ApiFailure BuildFailure(ApiFailureBuilder failures, AttemptDecision decision, AttemptReport report)
    {
        switch (decision.Failure)
        {
            case FailureKind.Timeout:
                return failures.FromTimeout(_options.RequestTimeout);
            case FailureKind.ConnectionFailed:
                return failures.FromConnectionFailure(report.Detail ?? string.Empty, decision.RequestMayHaveBeenSent);
            case FailureKind.UnreadableResponse:
                return report.Incomplete
                    ? failures.FromIncompleteAnswer(report.Status!.Value, report.Detail ?? string.Empty, report.RequestId)
                    : failures.FromUnreadableResponse(report.Status!.Value, report.Detail ?? string.Empty, report.RequestId);
            case FailureKind.NotSent:
                return failures.FromNotSent(report.NotSentCause, report.Detail ?? string.Empty);
            case FailureKind.Redirected:
                return failures.FromRedirect(report.Status!.Value, report.Detail, report.RequestId);
            case FailureKind.Abandoned:
                return failures.FromAbandoned();
            case FailureKind.RateLimitBudgetSpent:
                return failures.FromRateLimitBudgetSpent(report.Outcome.WaitedSoFar, report.RequestId);
            case FailureKind.ServerWaitTooLong:
                return failures.FromServerWaitTooLong(decision.ServerWait!.Value, _options.Retry.MaxServerWait, report.RequestId);
            default:
                return failures.FromResponse(report.Status!.Value, report.ErrorBody, report.RequestId, decision.ServerWait);
        }
    }

    // An answer one of the operation's rules marks final (a daily quota): reported at once, never retried.
    private static bool IsFinal(ApiOperation operation, int status, string? errorBody)
    {
        if (!operation.Rules.Any(r => r.Final && r.StatusCode == status))
        {
            return false;
        }

        ApiErrorBody parsed = ApiErrorBody.Parse(errorBody);
        return operation.Rules.Any(r => r.Final && (r.Matches(status, parsed.Message) || r.Matches(status, parsed.Code)));
    }

    // Masks the connection's key, and whatever else the authenticator holds (a renewed token), in any text.
    private string Scrub(string text)
    {
        string scrubbed = _options.ApiKey.ScrubFrom(text);
        return _authenticator is IScrubbingAuthenticator scrubbing ? scrubbing.ScrubFrom(scrubbed) : scrubbed;
    }

    private static byte[]? SerializeBody(object? body) => body switch
    {
        null => null,
        RawJson raw => Encoding.UTF8.GetBytes(raw.Text),
        _ => JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options),
    };

    private HttpRequestMessage BuildRequest(HttpMethod method, Uri uri, byte[]? payload, IRequestAuthenticator authenticator)
    {
        var request = new HttpRequestMessage(method, uri);
        if (payload != null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        authenticator.Apply(request, _options.ApiKey);
        return request;
    }

    // The URL as it goes on the wire (a query-string key included), with every secret masked.
    private string RedactedWireUrl(HttpMethod method, Uri uri, IRequestAuthenticator authenticator)
    {
        if (!(authenticator is QueryStringAuthenticator))
        {
            // Header authentication leaves the URL as it is: no need to build a probe request (this runs for every request).
            return UrlRedactor.Redact(uri);
        }

        using var probe = new HttpRequestMessage(method, uri);
        authenticator.Apply(probe, _options.ApiKey);
        return UrlRedactor.Redact(probe.RequestUri ?? uri);
    }

    // The server says its window is spent: hold every caller of this connection until it resets (unless the pacing
    // already keeps that window; see AttemptPolicy.ServerWindowHold).
    private void FollowServerWindow(RateLimitSignal signal)
    {
        TimeSpan? hold = _policy.ServerWindowHold(signal, DateTimeOffset.UtcNow);
        if (hold.HasValue && RateLimiter != null)
        {
            _logger.LogInformation("The server's rate-limit window is spent: holding requests for {Wait:0.0} s (x-ratelimit-reset).", hold.Value.TotalSeconds);
            RateLimiter.Pause(hold.Value);
        }
    }

    private void LogAttemptFailure(AttemptContext context, string reason, TimeSpan elapsed) =>
        _logger.LogInformation("{Method} {Url} -> failed: {Reason} ({Elapsed} ms)", context.Method.Method, context.RedactedUrl, reason, (long)elapsed.TotalMilliseconds);

    private void LogRetry(AttemptDecision decision, AttemptOutcome outcome, ApiOperation operation)
    {
        if (decision.Wait >= _options.Retry.VisibleWait)
        {
            // Long waits are warnings, so a console or a runbook log shows why nothing seems to happen.
            string budget = decision.RetryKind == RetryKind.RateLimited
                ? $"; {Math.Max(0, (_options.Retry.MaxRateLimitWait - outcome.WaitedSoFar - decision.Wait).TotalSeconds):0} s of its {_options.Retry.MaxRateLimitWait.TotalSeconds:0} s rate-limit budget left after that"
                : string.Empty;
            _logger.LogWarning("{Platform}: waiting {Wait:0} s ({Reason}) before trying '{Operation}' again{Budget}. Ctrl+C stops.", _platform.DisplayName, decision.Wait.TotalSeconds, decision.Reason, operation.Description, budget);
            return;
        }

        switch (decision.RetryKind)
        {
            case RetryKind.RateLimited:
                _logger.LogInformation("Rate limited: waiting {Wait:0.0} s ({Source}) before attempt {Next}.", decision.Wait.TotalSeconds, decision.Reason, outcome.Attempt + 1);
                break;
            case RetryKind.ServerError:
                _logger.LogInformation("Server error {Status}: waiting {Wait:0.0} s before attempt {Next} of {Max}.", outcome.StatusCode!.Value, decision.Wait.TotalSeconds, outcome.Attempt + 1, outcome.MaxAttempts);
                break;
            default:
                _logger.LogInformation("Retrying after {Reason}: waiting {Wait:0.0} s before attempt {Next} of {Max}.", decision.Reason, decision.Wait.TotalSeconds, outcome.Attempt + 1, outcome.MaxAttempts);
                break;
        }
    }

    private void LogGivingUp(ApiOperation operation, int attempts, GivingUpNote note)
    {
        if (note == GivingUpNote.AttemptsSpent)
        {
            _logger.LogInformation("Giving up on {Operation} after {Attempts} attempts.", operation.Description, attempts);
        }
        else if (note == GivingUpNote.UnsafeToResend)
        {
            _logger.LogInformation("Not retrying {Operation}: it may have reached the server, and sending it again could create a duplicate.", operation.Description);
        }
    }

    private async Task<string?> ReadBodySafelyAsync(HttpResponseMessage response)
    {
        try
        {
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return Scrub(body);
        }
        catch (Exception exception) when (TransportFailure.IsTransportException(exception))
        {
            return null;
        }
    }

    // Where a redirect points, as scheme://host:port only: its path or query may hold anything (a key, a token).
    private static string? RedirectTarget(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        Uri? location = response.Headers.Location;
        if (status < 300 || status > 399 || location == null)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            location = new Uri(response.RequestMessage?.RequestUri ?? new Uri("http://unknown/"), location);
        }

        return location.GetLeftPart(UriPartial.Authority);
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (string name in new[] { "x-request-id", "request-id", "x-correlation-id", "cf-ray" })
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static Uri NormalizeBaseUri(PlatformInfo platform, Uri? baseUri)
    {
        var rules = new InputRules(platform.ErrorIdPrefix);
        if (baseUri == null)
        {
            throw rules.Fail("BaseUri", $"{platform.DisplayName} has no public API address. Give the address of your instance with -BaseUri, e.g. https://your-instance.example.com.");
        }

        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw rules.Fail("BaseUri", $"BaseUri '{UrlRedactor.Redact(baseUri.OriginalString)}' is not an absolute http(s) address. Use a form like https://app.example.com/api/v1.");
        }

        if (!string.IsNullOrEmpty(baseUri.UserInfo))
        {
            throw rules.Fail("BaseUri", "BaseUri contains a user name or password. Leave credentials out of the address and give the key with -ApiKey or -Credential.");
        }

        if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            throw rules.Fail("BaseUri", $"BaseUri '{UrlRedactor.Redact(baseUri)}' uses plain http, which would send the API key unencrypted. Use https (plain http is only allowed for loopback addresses such as the sandbox).");
        }

        string text = baseUri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }

    /// <summary>Thrown by a success reader when a 2xx body cannot be read; the attempt reports it as <see cref="AttemptFault.BodyUnreadable"/>.</summary>
    private sealed class UnreadableBodyException : Exception
    {
        public UnreadableBodyException(string detail, bool incomplete = false)
            : base(detail)
        {
            Detail = detail;
            Incomplete = incomplete;
        }

        public string Detail { get; }

        // Readable, but without what a success must carry (a created object's id).
        public bool Incomplete { get; }
    }

    /// <summary>What one attempt of a request is: what it sends, and where it stands among the allowed attempts.</summary>
    private sealed class AttemptContext
    {
        public AttemptContext(HttpMethod method, Uri uri, string redactedUrl, byte[]? payload, IRequestAuthenticator authenticator,
            RequestSafety safety, int attempt, int maxAttempts, TimeSpan waitedSoFar)
        {
            Method = method;
            Uri = uri;
            RedactedUrl = redactedUrl;
            Payload = payload;
            Authenticator = authenticator;
            Safety = safety;
            Attempt = attempt;
            MaxAttempts = maxAttempts;
            WaitedSoFar = waitedSoFar;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        public string RedactedUrl { get; }

        public byte[]? Payload { get; }

        public IRequestAuthenticator Authenticator { get; }

        public RequestSafety Safety { get; }

        public int Attempt { get; }

        public int MaxAttempts { get; }

        public TimeSpan WaitedSoFar { get; }

        // Only a connection that never opened is known to have sent nothing.
        public AttemptReport NoAnswer(AttemptFault fault, string? reason) =>
            new AttemptReport(Outcome(fault, null, RateLimitSignal.None, requestMayHaveLeft: fault != AttemptFault.ConnectionNeverOpened), null, reason, null, null);

        public AttemptReport NotSent(NotSentCause cause, string reason) =>
            new AttemptReport(Outcome(AttemptFault.NotSent, null, RateLimitSignal.None, requestMayHaveLeft: false), null, reason, null, null) { NotSentCause = cause };

        public AttemptReport Answer(AttemptFault fault, HttpStatusCode status, RateLimitSignal signal, string? requestId, string? detail = null, string? errorBody = null, bool incomplete = false) =>
            new AttemptReport(Outcome(fault, (int)status, signal, requestMayHaveLeft: true), status, detail, errorBody, requestId) { Incomplete = incomplete };

        private AttemptOutcome Outcome(AttemptFault fault, int? status, RateLimitSignal signal, bool requestMayHaveLeft) =>
            new AttemptOutcome(fault, status, signal, requestMayHaveLeft, Safety, Attempt, MaxAttempts, WaitedSoFar, DateTimeOffset.UtcNow);
    }

    /// <summary>An attempt's outcome, with what a failure built from it reports (status, scrubbed reason or body, request id).</summary>
    private sealed class AttemptReport
    {
        public AttemptReport(AttemptOutcome outcome, HttpStatusCode? status, string? detail, string? errorBody, string? requestId)
        {
            Outcome = outcome;
            Status = status;
            Detail = detail;
            ErrorBody = errorBody;
            RequestId = requestId;
        }

        public AttemptOutcome Outcome { get; }

        public HttpStatusCode? Status { get; }

        public string? Detail { get; }

        public string? ErrorBody { get; }

        public string? RequestId { get; }

        public bool Incomplete { get; set; }

        public NotSentCause NotSentCause { get; set; }
    }

    /// <summary>A body that is JSON text already (the escape hatch), sent as it is.</summary>
    private sealed class RawJson
    {
        public RawJson(string text) => Text = text;

        public string Text { get; }
    }

    private static string ModuleVersion()
    {
        Assembly assembly = typeof(ApiTransport).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (version ?? assembly.GetName().Version?.ToString() ?? "0.0.0").Split('+')[0];
    }
}
