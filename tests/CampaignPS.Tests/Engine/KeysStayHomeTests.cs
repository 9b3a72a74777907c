using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Pipeline;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;
using CampaignPS.Engine.Validation;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// Keys stay with the connection's host and nothing is lost or invented (issue 10): escape-hatch paths and ids that
/// would leave the route, redirects, 2xx answers without the created id, keys that are not keys, every spelling of an
/// echoed key, proxy credentials in the address, failures where nothing was sent, the 429 time budget, pacing released
/// on cancel, one limiter per key, and a stop that lets requests on the wire answer.
/// </summary>
public sealed class KeysStayHomeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:{foreign}/x")]
    [InlineData("https://example.com/campaigns")]
    [InlineData("//127.0.0.1:{foreign}/x")]
    [InlineData("../../_sandbox/requests")]
    [InlineData("campaigns/%2e%2e/%2E%2E/x")]
    [InlineData("campaigns\\..\\x")]
    [InlineData("campaigns/./x")]
    public async Task The_escape_hatch_refuses_a_path_that_leaves_the_API_root_before_sending(string path)
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var foreign = new ForeignHost();
        using var client = sandbox.Client();
        ApiTransport transport = ((CampaignPS.Engine.Platforms.IPlatformClient)client).Transport;

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            transport.SendRawAsync(HttpMethod.Get, path.Replace("{foreign}", foreign.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, null, false, default));

        Assert.Equal("LoopsInvalidPath", error.ErrorId);
        Assert.Equal("Path", error.Field);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
        Assert.False(foreign.WasContacted);
    }

    [Fact]
    public async Task The_escape_hatch_takes_a_full_address_below_its_own_API_root()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        ApiTransport transport = ((CampaignPS.Engine.Platforms.IPlatformClient)client).Transport;

        RawApiResponse response = await transport.SendRawAsync(HttpMethod.Get, sandbox.BaseUri + "lists", null, null, false, default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, sandbox.Count("GET", "lists"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("cmp_1/../../lists")]
    [InlineData("cmp_1?x=1")]
    [InlineData("cmp 1")]
    [InlineData("cmp\u0000")]
    [InlineData("%2e%2e")]
    public async Task An_id_that_is_not_a_plain_id_is_refused_before_sending(string id)
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => client.GetCampaignAsync(id));

        Assert.Equal("LoopsInvalidCampaignId", error.ErrorId);
        Assert.Contains("not a plain id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', error.Message);
        Assert.Empty(sandbox.Server.Requests.Snapshot());
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_an_error_naming_its_host_and_the_key_never_travels_there(int status)
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var foreign = new ForeignHost();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Redirect, StatusCode = status, Location = $"http://127.0.0.1:{foreign.Port}/steal?x=1", Times = -1 });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Redirected" }));

        Assert.Equal("SmartleadRedirected", error.ErrorId);
        Assert.Contains($"127.0.0.1:{foreign.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("steal", error.Message, StringComparison.Ordinal);
        Assert.False(error.Failure.OutcomeUnknown);
        Assert.DoesNotContain(SandboxServer.DefaultSmartleadApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.False(foreign.WasContacted);
        Assert.Single(sandbox.Server.Requests.Snapshot());
        Assert.Equal(0, sandbox.State.CampaignCount);
    }

    [Fact]
    public async Task A_2xx_create_without_the_created_id_is_an_unknown_outcome_never_an_object()
    {
        await using var loops = await LoopsSandbox.StartAsync();
        await using var smartlead = await SmartleadSandbox.StartAsync();
        await using var outbox = await OutboxSandbox.StartAsync();
        await using var sms = await SmsSandbox.StartAsync();
        foreach (SandboxServer server in new[] { loops.Server, smartlead.Server, outbox.Server, sms.Server })
        {
            server.Faults.Add(new FaultRule { Kind = FaultKind.Body, StatusCode = 200, Body = "{\"success\":true}", Method = "POST", Times = -1 });
        }

        using var loopsClient = loops.Client();
        using var smartleadClient = smartlead.Client();
        using var outboxClient = outbox.Client();
        using var smsClient = sms.Client();
        var errors = new[]
        {
            await Assert.ThrowsAsync<CampaignApiException>(() => loopsClient.CreateCampaignAsync(new NewLoopsCampaign { Name = "Portal" })),
            await Assert.ThrowsAsync<CampaignApiException>(() => loopsClient.CreateCampaignGroupAsync(new NewLoopsCampaignGroup { Name = "Portal" })),
            await Assert.ThrowsAsync<CampaignApiException>(() => smartleadClient.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Portal" })),
            await Assert.ThrowsAsync<CampaignApiException>(() => outboxClient.CreateSenderAsync(new NewOutboxSender { FromEmail = "jo@acme.example", Company = CampaignPS.Sandbox.Platforms.Outbox.OutboxSandboxState.SeedCompanyId })),
            await Assert.ThrowsAsync<CampaignApiException>(() => smsClient.CreateCampaignAsync(new NewSmsCampaign
            {
                Name = "Portal",
                Message = "Hi",
                NewContacts = [SmsContact.FromFields([new KeyValuePair<string, object?>("phoneNumber", "+14155550133")], 1, null)],
            })),
        };

        Assert.All(errors, e => Assert.EndsWith("OutcomeUnknown", e.ErrorId, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.True(e.Failure.OutcomeUnknown));
        Assert.All(errors, e => Assert.Contains("without", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lead_batch_answered_without_any_count_is_reported_lead_by_lead_as_unknown()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        SmartleadCampaign campaign = await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Counts" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Body, StatusCode = 200, Body = "{\"success\":true}", PathPrefix = sandbox.LeadsPath(campaign.Id), Times = -1 });
        var leads = new[] { "a@acme.example", "b@acme.example" }
            .Select((email, i) => SmartleadLead.FromFields([new KeyValuePair<string, object?>("email", email)], i + 1)).ToList();

        SmartleadLeadBatchOutcome outcome = await client.StartLeadImport(campaign.Id).SendAsync(leads, default);

        Assert.Null(outcome.Result);
        Assert.Equal("SmartleadOutcomeUnknown", outcome.Failure!.ErrorId);
        Assert.Equal(2, outcome.Leads.Count);
    }

    [Theory]
    [InlineData("key\r\nX-Injected: 1", "line break")]
    [InlineData("key\tpart", "control character")]
    [InlineData("key part", "white space")]
    [InlineData("kéy", "outside printable ASCII")]
    [InlineData("key\u00A0part", "white space")]
    public void A_key_that_is_not_a_key_is_refused_and_not_shown(string key, string problem)
    {
        var error = Assert.Throws<InvalidApiSecretException>(() => ApiSecret.FromString(key));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key", error.Message.Replace("API key", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_keeps_its_surrounding_white_space_out_but_is_otherwise_taken_as_it_is()
    {
        Assert.Equal("sk+live/123==", ApiSecret.FromString("  sk+live/123==\r\n").Reveal());
    }

    [Fact]
    public async Task An_echoed_key_is_masked_in_every_spelling()
    {
        const string Key = "sk+Live/Key=9";
        await using var sandbox = await SmartleadSandbox.StartAsync(apiKey: Key);
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.EchoKey, StatusCode = 400, Times = -1 });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignsAsync(null));

        string everything = string.Join("\n", error.ToString(), error.Message, error.Failure.Details, error.Failure.ApiMessage, error.Failure.RedactedUrl);
        Assert.Contains("Invalid API key", everything, StringComparison.Ordinal);
        foreach (string spelling in Spellings(Key))
        {
            Assert.DoesNotContain(spelling, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Proxy_credentials_written_into_the_address_are_used_but_never_shown()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        await using var proxy = new LoopbackProxy("proxyuser", "proxy-pass-123");
        var withUserInfo = new UriBuilder(proxy.Uri) { UserName = "proxyuser", Password = "proxy-pass-123" }.Uri;
        using var client = sandbox.Client(o => o.Proxy = withUserInfo);

        var lists = await client.GetMailingListsAsync();

        Assert.Equal(2, lists.Count);
        Assert.Single(proxy.Forwarded);
        Assert.DoesNotContain(sandbox.Logs.Lines, l => l.Contains("proxy-pass-123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_TLS_handshake_that_fails_is_a_plain_error_sent_once_never_an_unknown_outcome()
    {
        using var garbage = new ForeignHost(answer: "HTTP/1.1 200 OK\r\n\r\nnot tls");
        var logs = new RecordingLoggerProvider();
        using var client = new LoopsClient(new ApiConnectionOptions(ApiSecret.FromString("tls-key-" + Guid.NewGuid().ToString("N")))
        {
            BaseUri = new Uri($"https://127.0.0.1:{garbage.Port}/api/v1/"),
            LoggerFactory = logs,
            RequestsPerSecond = 0,
        });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Over TLS" }));

        Assert.Equal("LoopsTlsHandshakeFailed", error.ErrorId);
        Assert.False(error.Failure.OutcomeUnknown);
        Assert.Contains("Nothing left this machine", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, garbage.Connections);
    }

    [Fact]
    public async Task A_proxy_that_refuses_the_tunnel_with_407_is_reported_once_as_proxy_authentication()
    {
        await using var proxy = new LoopbackProxy("proxyuser", "proxy-pass-123");
        using var client = new LoopsClient(new ApiConnectionOptions(ApiSecret.FromString("proxy-key-" + Guid.NewGuid().ToString("N")))
        {
            BaseUri = new Uri("https://127.0.0.1:9/api/v1/"),
            Proxy = proxy.Uri,
            RequestsPerSecond = 0,
        });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Tunnel" }));

        Assert.Equal("LoopsProxyAuthenticationRequired", error.ErrorId);
        Assert.True(error.Failure.IsTerminating);
        Assert.False(error.Failure.OutcomeUnknown);
        Assert.Equal(1, proxy.Challenged);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_a_plain_error_not_retried()
    {
        var handler = new ThrowingHandler(() => NameResolutionFailure());
        using var client = new LoopsClient(new ApiConnectionOptions(ApiSecret.FromString("dns-key-" + Guid.NewGuid().ToString("N")))
        {
            BaseUri = new Uri("https://nowhere.invalid/api/v1/"),
            HttpMessageHandler = handler,
            RequestsPerSecond = 0,
        });

        var read = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetMailingListsAsync());
        var create = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Nowhere" }));

        Assert.Equal("LoopsHostNotFound", read.ErrorId);
        Assert.Equal("LoopsHostNotFound", create.ErrorId);
        Assert.False(create.Failure.OutcomeUnknown);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Rate_limit_retries_are_bounded_by_time_not_by_the_attempt_count()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.Retry.MaxAttempts = 2);
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.Zero, Times = 6, Method = "POST" });

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Patient" });

        Assert.Equal("Patient", campaign.Name);
        Assert.Equal(7, sandbox.Count("POST", "campaigns"));
    }

    [Fact]
    public async Task Rate_limit_retries_stop_when_the_time_budget_is_spent()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.Retry.MaxRateLimitWait = TimeSpan.FromSeconds(2.5));
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), Times = -1, Method = "POST" });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Impatient" }));

        Assert.Equal("LoopsRateLimited", error.ErrorId);
        Assert.Equal(FailureCategory.LimitsExceeded, error.Failure.Category);
        Assert.InRange(sandbox.Count("POST", "campaigns"), 2, 4);
    }

    [Fact]
    public async Task Cancelling_a_long_wait_releases_the_connection_for_the_next_call()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.RequestsPerSecond = 50);
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(60), Times = 1, Method = "GET", PathPrefix = "/loops/api/v1/lists" });
        using var cancellation = new CancellationTokenSource();
        Task first = client.GetMailingListsAsync(cancellation.Token);
        await sandbox.Logs.WaitForAsync("waiting 60 s").WaitAsync(TimeSpan.FromSeconds(10));

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var lists = await client.GetMailingListsAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, lists.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"the next call waited {stopwatch.Elapsed}");
    }

    [Fact]
    public void Connections_with_the_same_key_share_one_limiter_and_other_keys_do_not()
    {
        ApiConnectionOptions Options(string key) => new(ApiSecret.FromString(key)) { BaseUri = new Uri("https://api.example.com/v1/"), RequestsPerSecond = 7 };
        string key = "shared-" + Guid.NewGuid().ToString("N");
        using var first = new LoopsClient(Options(key));
        using var second = new LoopsClient(Options(key));
        using var other = new LoopsClient(Options(key + "x"));

        Assert.NotNull(first.RateLimiter);
        Assert.Same(first.RateLimiter, second.RateLimiter);
        Assert.NotSame(first.RateLimiter, other.RateLimiter);
    }

    [Fact]
    public async Task After_a_stop_a_create_on_the_wire_gets_its_grace_and_its_answer()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(600), Method = "POST" });
        using var stop = new CancellationTokenSource();
        using var inFlight = new CancellationTokenSource();
        var bridge = new PipelineBridge(new NullWriter(), inFlight.Token);

        Task<LoopsCampaign> create = bridge.Start(token => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Graced" }, token), stop.Token);
        await WaitUntilAsync(() => sandbox.Server.Requests.Snapshot().Count == 1);
        stop.Cancel();

        LoopsCampaign campaign = await create.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Graced", campaign.Name);
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_create_still_on_the_wire_when_the_grace_ends_is_an_unknown_outcome()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(30), Method = "POST" });
        using var stop = new CancellationTokenSource();
        using var inFlight = new CancellationTokenSource();
        var bridge = new PipelineBridge(new NullWriter(), inFlight.Token);

        Task<LoopsCampaign> create = bridge.Start(token => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Abandoned" }, token), stop.Token);
        await WaitUntilAsync(() => sandbox.Server.Requests.Snapshot().Count == 1);
        stop.Cancel();
        inFlight.Cancel();

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => create.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("LoopsOutcomeUnknown", error.ErrorId);
        Assert.Contains("stopped", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Spellings(string key)
    {
        yield return key;
        yield return Uri.EscapeDataString(key);
        yield return string.Concat(Encoding.UTF8.GetBytes(key).Select(b => "%" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        yield return string.Concat(key.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        yield return key.Replace("+", "\\u002B", StringComparison.Ordinal);
        yield return key.Replace('+', ' ');
    }

    private static Exception NameResolutionFailure() =>
        new HttpRequestException(HttpRequestError.NameResolutionError, "No such host is known. (nowhere.invalid:443)", new SocketException((int)SocketError.HostNotFound));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the condition was not met within 10 s");
            await Task.Delay(10);
        }
    }

    /// <summary>A loopback listener that stands for "another host": it records whether anything connected (and may answer garbage).</summary>
    private sealed class ForeignHost : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string? _answer;
        private int _connections;

        public ForeignHost(string? answer = null)
        {
            _answer = answer;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public bool WasContacted => Connections > 0;

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using TcpClient client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    if (_answer != null)
                    {
                        byte[] bytes = Encoding.ASCII.GetBytes(_answer);
                        await client.GetStream().WriteAsync(bytes);
                    }
                }
            }
            catch (Exception exception) when (exception is ObjectDisposedException || exception is SocketException || exception is IOException)
            {
                // Stopped.
            }
        }
    }

    private sealed class ThrowingHandler(Func<Exception> failure) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromException<HttpResponseMessage>(failure());
        }
    }

    private sealed class NullWriter : IPipelineWriter
    {
        public void Write(PipelineMessageKind kind, string text)
        {
        }
    }
}
