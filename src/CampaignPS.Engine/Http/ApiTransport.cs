using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Json;
using CampaignPS.Engine.Platforms;
using CampaignPS.Engine.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignPS.Engine.Http
{
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
        private readonly Random _jitter = new Random();

        internal ApiTransport(PlatformInfo platform, ApiConnectionOptions options, IRequestAuthenticator authenticator)
        {
            _platform = platform;
            _options = options;
            _authenticator = authenticator;
            BaseUri = NormalizeBaseUri(platform, options.BaseUri ?? platform.DefaultBaseUri);
            RateLimiter = CreateRateLimiter(platform, options);
            _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CampaignPS.Http." + platform.ErrorIdPrefix);
            HttpMessageHandler handler = options.HttpMessageHandler ?? CreateDefaultHandler(options);
            _http = new HttpClient(handler, disposeHandler: options.HttpMessageHandler == null) { Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        }

        /// <summary>The API root every relative path is resolved against (always ends with '/').</summary>
        public Uri BaseUri { get; }

        /// <summary>The connection's pacing, shared by all its callers; null when client-side limiting is off.</summary>
        public RequestRateLimiter? RateLimiter { get; }

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
            await SendCoreAsync(operation, method, relativePath, body, query, _authenticator, async (response, builder, token) =>
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
            SendCoreAsync(operation, method, relativePath, body, null, authenticator ?? _authenticator, (response, builder, token) => Task.CompletedTask, cancellationToken);

        internal async Task<T> SendAsync<T>(ApiOperation operation, HttpMethod method, string relativePath, object? body, IRequestAuthenticator? authenticator, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? query = null)
        {
            T? result = default;
            await SendCoreAsync(operation, method, relativePath, body, query, authenticator ?? _authenticator, async (response, builder, token) =>
            {
                try
                {
                    // The body is already buffered (ResponseContentRead): parse it in one synchronous pass.
                    byte[] json = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    result = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
                }
                catch (JsonException exception)
                {
                    throw new CampaignApiException(builder.FromUnreadableResponse(response.StatusCode, "not valid JSON: " + exception.Message, RequestId(response)));
                }

                if (result is null)
                {
                    throw new CampaignApiException(builder.FromUnreadableResponse(response.StatusCode, "empty body", RequestId(response)));
                }
            }, cancellationToken).ConfigureAwait(false);
            return result!;
        }

        /// <inheritdoc />
        public void Dispose() => _http.Dispose();

        private async Task SendCoreAsync(ApiOperation operation, HttpMethod method, string relativePath, object? body,
            IEnumerable<KeyValuePair<string, string?>>? query, IRequestAuthenticator authenticator,
            Func<HttpResponseMessage, ApiFailureBuilder, CancellationToken, Task> readSuccess, CancellationToken cancellationToken)
        {
            Uri uri = BuildUri(relativePath, query);
            string redactedUrl = RedactedWireUrl(method, uri, authenticator);
            var failures = new ApiFailureBuilder(_platform, operation, method.Method, redactedUrl);
            bool retriesServerErrors = operation.Safety != RequestSafety.NonIdempotent;
            int maxAttempts = Math.Max(1, _options.Retry.MaxAttempts);

            // Serialised once, before waiting for a slot: the request leaves the moment its slot comes (not after
            // serialising up to 400 leads, which on a busy machine can push it into the next request's window),
            // it carries a Content-Length, and every retry sends the same bytes.
            byte[]? payload = SerializeBody(body);

            for (int attempt = 1; ; attempt++)
            {
                if (RateLimiter != null)
                {
                    await RateLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                bool lastAttempt = attempt >= maxAttempts;
                var stopwatch = Stopwatch.StartNew();
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.RequestTimeout);
                using HttpRequestMessage request = BuildRequest(method, uri, payload, authenticator);

                HttpResponseMessage response;
                try
                {
                    // The whole answer is read here, under the attempt's timeout (API answers are small); a connection lost
                    // while reading it is then a transport failure like any other.
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    LogAttemptFailure(method, redactedUrl, $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", stopwatch.Elapsed);
                    if (retriesServerErrors && !lastAttempt)
                    {
                        await BackOffAsync(attempt, maxAttempts, "timeout", cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    LogGivingUp(operation, attempt, retriesServerErrors);
                    throw new CampaignApiException(failures.FromTimeout(_options.RequestTimeout));
                }
                catch (Exception exception) when (TransportFailure.IsTransportException(exception))
                {
                    bool neverConnected = TransportFailure.IsConnectFailure(exception);
                    string reason = _options.ApiKey.ScrubFrom(TransportFailure.Describe(exception));
                    LogAttemptFailure(method, redactedUrl, reason, stopwatch.Elapsed);
                    if ((retriesServerErrors || neverConnected) && !lastAttempt)
                    {
                        await BackOffAsync(attempt, maxAttempts, neverConnected ? "connection refused before sending" : "connection failed", cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    LogGivingUp(operation, attempt, retriesServerErrors || neverConnected);
                    throw new CampaignApiException(failures.FromConnectionFailure(reason, requestMayHaveBeenSent: !neverConnected));
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        _logger.LogInformation("{Method} {Url} -> {Status} {Reason} ({Elapsed} ms)", method.Method, redactedUrl, status, response.ReasonPhrase, stopwatch.ElapsedMilliseconds);
                    }
                    RateLimitSignal signal = RateLimitSignal.From(response, DateTimeOffset.UtcNow);
                    FollowServerWindow(signal);

                    if (response.IsSuccessStatusCode)
                    {
                        try
                        {
                            await readSuccess(response, failures, attemptTimeout.Token).ConfigureAwait(false);
                            return;
                        }
                        catch (CampaignApiException) when (retriesServerErrors && !lastAttempt)
                        {
                            await BackOffAsync(attempt, maxAttempts, "unreadable response", cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                        {
                            throw new CampaignApiException(failures.FromTimeout(_options.RequestTimeout));
                        }
                        catch (Exception exception) when (TransportFailure.IsTransportException(exception))
                        {
                            string reason = _options.ApiKey.ScrubFrom(TransportFailure.Describe(exception));
                            if (retriesServerErrors && !lastAttempt)
                            {
                                await BackOffAsync(attempt, maxAttempts, "connection dropped while reading", cancellationToken).ConfigureAwait(false);
                                continue;
                            }

                            throw new CampaignApiException(failures.FromConnectionFailure(reason, requestMayHaveBeenSent: true));
                        }
                    }

                    string? errorBody = await ReadBodySafelyAsync(response).ConfigureAwait(false);
                    string? requestId = RequestId(response);

                    if (status == 429)
                    {
                        TimeSpan wait = signal.RequestedWait(DateTimeOffset.UtcNow) ?? UnhintedRateLimitWait(attempt);
                        if (wait > _options.Retry.MaxServerWait)
                        {
                            throw new CampaignApiException(failures.FromServerWaitTooLong(wait, _options.Retry.MaxServerWait, requestId));
                        }

                        if (!lastAttempt)
                        {
                            string source = signal.RetryAfter.HasValue ? "Retry-After" : signal.ResetAt.HasValue ? "x-ratelimit-reset" : wait < _platform.RateLimitWindow ? "next paced slot" : "rate-limit window";
                            _logger.LogInformation("Rate limited: waiting {Wait:0.0} s ({Source}) before attempt {Next} of {Max}.", wait.TotalSeconds, source, attempt + 1, maxAttempts);
                            RateLimiter?.Pause(wait);
                            if (RateLimiter == null)
                            {
                                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                            }

                            continue;
                        }
                    }
                    else if (status >= 500 && retriesServerErrors && !lastAttempt)
                    {
                        TimeSpan wait = signal.RequestedWait(DateTimeOffset.UtcNow) ?? Backoff(attempt);
                        _logger.LogInformation("Server error {Status}: waiting {Wait:0.0} s before attempt {Next} of {Max}.", status, wait.TotalSeconds, attempt + 1, maxAttempts);
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    else if (status >= 500)
                    {
                        LogGivingUp(operation, attempt, retriesServerErrors);
                    }

                    throw new CampaignApiException(failures.FromResponse(response.StatusCode, errorBody, requestId, signal.RequestedWait(DateTimeOffset.UtcNow)));
                }
            }
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

        private Uri BuildUri(string relativePath, IEnumerable<KeyValuePair<string, string?>>? query)
        {
            var builder = new StringBuilder(relativePath.TrimStart('/'));
            char separator = relativePath.IndexOf('?') >= 0 ? '&' : '?';
            foreach (KeyValuePair<string, string?> pair in query ?? Enumerable.Empty<KeyValuePair<string, string?>>())
            {
                if (pair.Value == null)
                {
                    continue;
                }

                builder.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
                separator = '&';
            }

            return new Uri(BaseUri, builder.ToString());
        }

        private async Task BackOffAsync(int attempt, int maxAttempts, string reason, CancellationToken cancellationToken)
        {
            TimeSpan wait = Backoff(attempt);
            _logger.LogInformation("Retrying after {Reason}: waiting {Wait:0.0} s before attempt {Next} of {Max}.", reason, wait.TotalSeconds, attempt + 1, maxAttempts);
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        private TimeSpan Backoff(int attempt)
        {
            double factor;
            lock (_jitter)
            {
                factor = 0.5 + (_jitter.NextDouble() * 0.5);
            }

            double exponential = _options.Retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            return TimeSpan.FromMilliseconds(Math.Min(exponential, _options.Retry.MaxDelay.TotalMilliseconds) * factor);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        // A 429 that says nothing about when to come back. On a connection that paces itself to the documented
        // limit, a first refusal is timing skew (two requests arrived closer together than they were sent): the
        // window frees a slot within one pacing interval, so the retry takes the next paced slot instead of idling
        // the connection for a whole window. A second refusal of the same request means the budget really is
        // spent (another client on the key, a lower plan): then wait at least a whole window.
        private TimeSpan UnhintedRateLimitWait(int attempt) =>
            RateLimiter != null && attempt == 1 ? RateLimiter.Interval : Max(Backoff(attempt), _platform.RateLimitWindow);

        // The server says its window is spent: hold every caller of this connection until it resets. Not when the
        // spent window is one the pacing already keeps to (x-ratelimit-limit equals one of its limits): at full speed
        // that window is spent after nearly every request by our own doing, the pacing already spaces the next one,
        // and a reset given in whole seconds would idle the connection for up to a second after each response.
        private void FollowServerWindow(RateLimitSignal signal)
        {
            if (RateLimiter != null && signal.Remaining == 0 && signal.ResetAt.HasValue && !RateLimiter.Keeps(signal.Limit))
            {
                TimeSpan wait = signal.ResetAt.Value - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero && wait <= _options.Retry.MaxServerWait)
                {
                    _logger.LogInformation("The server's rate-limit window is spent: holding requests for {Wait:0.0} s (x-ratelimit-reset).", wait.TotalSeconds);
                    RateLimiter.Pause(wait);
                }
            }
        }

        private void LogAttemptFailure(HttpMethod method, string redactedUrl, string reason, TimeSpan elapsed) =>
            _logger.LogInformation("{Method} {Url} -> failed: {Reason} ({Elapsed} ms)", method.Method, redactedUrl, reason, (long)elapsed.TotalMilliseconds);

        private void LogGivingUp(ApiOperation operation, int attempts, bool retryable)
        {
            if (retryable)
            {
                _logger.LogInformation("Giving up on {Operation} after {Attempts} attempts.", operation.Description, attempts);
            }
            else
            {
                _logger.LogInformation("Not retrying {Operation}: it may have reached the server, and sending it again could create a duplicate.", operation.Description);
            }
        }

        private async Task<string?> ReadBodySafelyAsync(HttpResponseMessage response)
        {
            try
            {
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return _options.ApiKey.ScrubFrom(body);
            }
            catch (Exception exception) when (TransportFailure.IsTransportException(exception))
            {
                return null;
            }
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

        /// <summary>A body that is JSON text already (the escape hatch), sent as it is.</summary>
        private sealed class RawJson
        {
            public RawJson(string text) => Text = text;

            public string Text { get; }
        }

        private static RequestRateLimiter? CreateRateLimiter(PlatformInfo platform, ApiConnectionOptions options)
        {
            if (options.RateLimits != null)
            {
                return options.RateLimits.Count > 0 ? new RequestRateLimiter(options.RateLimits) : null;
            }

            if (options.RequestsPerSecond.HasValue)
            {
                return options.RequestsPerSecond > 0 ? new RequestRateLimiter(options.RequestsPerSecond.Value) : null;
            }

            return platform.DocumentedLimits.Count > 0 ? new RequestRateLimiter(platform.DocumentedLimits) : null;
        }

        private static HttpMessageHandler CreateDefaultHandler(ApiConnectionOptions options)
        {
            IWebProxy? proxy = options.Proxy == null ? null : new WebProxy(options.Proxy)
            {
                // The sandbox and local proxies live on loopback: do not skip the proxy for local addresses.
                BypassProxyOnLocal = false,
                Credentials = options.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : options.ProxyCredentials,
            };
#if NET8_0_OR_GREATER
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
#else
            // Windows PowerShell 5.1 on older .NET Framework builds may not offer TLS 1.2 by default.
            if (ServicePointManager.SecurityProtocol != 0 && (ServicePointManager.SecurityProtocol & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            }

            var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }

            return handler;
        }

        private static string ModuleVersion()
        {
            Assembly assembly = typeof(ApiTransport).Assembly;
            string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return (version ?? assembly.GetName().Version?.ToString() ?? "0.0.0").Split('+')[0];
        }
    }
}
