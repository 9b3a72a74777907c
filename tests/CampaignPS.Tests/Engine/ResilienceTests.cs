using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>Retries are safe for the kind of request (DESIGN.md rule 2), and every wait stops on cancellation.</summary>
public sealed class ResilienceTests
{
    private const string Campaigns = "/loops/api/v1/campaigns";

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_request_then_succeeds()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), Method = "POST", PathPrefix = Campaigns });

        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "After the wait" });

        Assert.Equal("After the wait", campaign.Name);
        Assert.Equal(2, sandbox.Count("POST", "campaigns"));
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
        Assert.Contains(sandbox.Logs.Lines, l => l.Contains("Rate limited: waiting 1.0 s (Retry-After)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_servers_own_rate_limit_costs_no_record_and_creates_no_duplicate()
    {
        await using var sandbox = await LoopsSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 10);
        using var client = sandbox.Client(o => o.Retry.MaxAttempts = 20);

        var created = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => client.CreateCampaignAsync(new NewLoopsCampaign { Name = $"Burst {i:00}" })));

        Assert.True(sandbox.Server.Requests.Snapshot().Count(r => r.StatusCode == 429) > 0, "the burst should have hit the sandbox's limit");
        Assert.Equal(25, created.Select(c => c.Id).Distinct().Count());
        Assert.Equal(25, sandbox.Server.Loops.CampaignCount);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"Burst {i:00}"), sandbox.Server.Loops.Campaigns.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Client_side_pacing_at_the_documented_limit_gets_no_429()
    {
        await using var sandbox = await LoopsSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 10);
        // Paced well under the limit so that scheduling delays on a busy machine cannot bunch 11 requests into one second.
        using var client = sandbox.Client(o => o.RequestsPerSecond = 6);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.CreateCampaignAsync(new NewLoopsCampaign { Name = $"Paced {i}" })));

        Assert.DoesNotContain(sandbox.Server.Requests.Snapshot(), r => r.StatusCode == 429);
        Assert.Equal(12, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        LoopsCampaign campaign = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Read me" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Times = 2, Method = "GET", PathPrefix = Campaigns });

        LoopsCampaign read = await client.GetCampaignAsync(campaign.Id);

        Assert.Equal(campaign.Id, read.Id);
        Assert.Equal(3, sandbox.Count("GET", "campaigns"));
        Assert.Equal(2, sandbox.Logs.Lines.Count(l => l.StartsWith("Server error 503", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_the_configured_attempts()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.Retry.MaxAttempts = 3);
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, Times = -1, Method = "GET", PathPrefix = Campaigns });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetCampaignAsync("cmp_x"));

        Assert.Equal("LoopsServerError", error.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, error.Failure.Category);
        Assert.Equal(3, sandbox.Count("GET", "campaigns"));
    }

    [Fact]
    public async Task A_5xx_on_a_create_is_not_retried_and_is_reported_as_outcome_unknown()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 500, Method = "POST", PathPrefix = Campaigns, When = FaultTiming.AfterHandler });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Maybe" }));

        Assert.Equal("LoopsOutcomeUnknown", error.ErrorId);
        Assert.True(error.Failure.OutcomeUnknown);
        Assert.Equal(1, sandbox.Count("POST", "campaigns"));
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
        Assert.Contains(sandbox.Logs.Lines, l => l.StartsWith("Not retrying create campaign", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_dropped_after_a_create_reached_the_server_is_not_resent()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Method = "POST", PathPrefix = Campaigns, When = FaultTiming.AfterHandler });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Dropped" }));

        Assert.Equal("LoopsOutcomeUnknown", error.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, error.Failure.Category);
        Assert.Contains("Check whether it exists", error.Message);
        Assert.Equal(1, sandbox.Count("POST", "campaigns"));
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_dropped_connection_and_malformed_JSON_on_reads_are_retried()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Method = "GET", PathPrefix = "/loops/api/v1/lists" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.MalformedJson, Method = "GET", PathPrefix = "/loops/api/v1/lists" });

        var lists = await client.GetMailingListsAsync();

        Assert.Equal(2, lists.Count);
        Assert.Equal(3, sandbox.Count("GET", "lists"));
    }

    [Fact]
    public async Task Malformed_JSON_after_a_create_is_an_unknown_outcome()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.MalformedJson, Method = "POST", PathPrefix = Campaigns, When = FaultTiming.AfterHandler });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Garbled" }));

        // The campaign was in fact created: the id says so, and the message keeps the detail.
        Assert.Equal("LoopsOutcomeUnknown", error.ErrorId);
        Assert.True(error.Failure.OutcomeUnknown);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Count("POST", "campaigns"));
        Assert.Equal(1, sandbox.Server.Loops.CampaignCount);
    }

    [Fact]
    public async Task A_timeout_is_retried_for_reads_but_not_for_creates()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Method = "GET", PathPrefix = "/loops/api/v1/lists" });
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = TimeSpan.FromSeconds(5), Method = "POST", PathPrefix = Campaigns });

        var lists = await client.GetMailingListsAsync();
        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Slow" }));

        Assert.Equal(2, lists.Count);
        Assert.Equal(2, sandbox.Count("GET", "lists"));
        Assert.Equal("LoopsOutcomeUnknown", error.ErrorId);
        Assert.Contains("no answer within 0.3 s", error.Message);
        Assert.Equal(1, sandbox.Count("POST", "campaigns"));
    }

    [Fact]
    public async Task Cancelling_during_a_long_Retry_After_wait_ends_the_call_promptly()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(60), Method = "GET", PathPrefix = "/loops/api/v1/lists" });
        using var cancellation = new CancellationTokenSource();

        Task call = client.GetMailingListsAsync(cancellation.Token);
        // A wait this long is a warning (visible without -Verbose), naming the wait, its source and the operation.
        string shown = await sandbox.Logs.WaitForAsync("waiting 60 s (Retry-After)").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(shown, sandbox.Logs.Warnings);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"cancellation took {stopwatch.Elapsed}");
        Assert.Equal(1, sandbox.Count("GET", "lists"));
    }

    [Fact]
    public async Task A_server_wait_longer_than_allowed_is_reported_instead_of_waited()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(o => o.Retry.MaxServerWait = TimeSpan.FromSeconds(30));
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromHours(1), Method = "GET", PathPrefix = "/loops/api/v1/lists" });

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.GetMailingListsAsync());

        Assert.Equal("LoopsRateLimited", error.ErrorId);
        Assert.Equal(FailureCategory.LimitsExceeded, error.Failure.Category);
        Assert.Equal(TimeSpan.FromHours(1), error.Failure.RetryAfter);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_create_because_nothing_was_sent()
    {
        int closedPort;
        await using (var sandbox = await LoopsSandbox.StartAsync())
        {
            closedPort = sandbox.Server.RootUri.Port;
        }

        var logs = new RecordingLoggerProvider();
        var options = new CampaignPS.Engine.Http.ApiConnectionOptions(CampaignPS.Engine.Http.ApiSecret.FromString("k"))
        {
            BaseUri = new Uri($"http://127.0.0.1:{closedPort}/loops/api/v1/"),
            LoggerFactory = logs,
            RequestsPerSecond = 0,
        };
        options.Retry.MaxAttempts = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        using var client = new LoopsClient(options);

        var error = await Assert.ThrowsAsync<CampaignApiException>(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = "Nobody home" }));

        Assert.Equal("LoopsConnectionFailed", error.ErrorId);
        Assert.False(error.Failure.OutcomeUnknown);
        Assert.Single(logs.Lines, l => l.Contains("connection refused before sending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_escape_hatch_uses_the_connections_auth_and_maps_errors_and_retries_reads_only()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client();
        var transport = ((CampaignPS.Engine.Platforms.IPlatformClient)client).Transport;
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Method = "GET", PathPrefix = "/loops/api/v1/lists" });

        var lists = await transport.SendRawAsync(System.Net.Http.HttpMethod.Get, "lists", null, null, idempotent: false, CancellationToken.None);
        var created = await transport.SendRawAsync(System.Net.Http.HttpMethod.Post, "campaigns", """{"name":"Raw"}""", null, idempotent: false, CancellationToken.None);
        sandbox.Server.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503, Method = "POST", PathPrefix = Campaigns });
        var unknown = await Assert.ThrowsAsync<CampaignApiException>(() =>
            transport.SendRawAsync(System.Net.Http.HttpMethod.Post, "campaigns", """{"name":"Raw again"}""", null, idempotent: false, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CampaignApiException>(() =>
            transport.SendRawAsync(System.Net.Http.HttpMethod.Get, "campaigns/cmp_nope", null, null, idempotent: false, CancellationToken.None));

        Assert.Contains("list_main", lists.Body);
        Assert.Equal(2, sandbox.Count("GET", "lists"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"name\":\"Raw\"", created.Body);
        Assert.Equal("LoopsOutcomeUnknown", unknown.ErrorId);
        Assert.Equal(2, sandbox.Count("POST", "campaigns"));
        Assert.Equal("LoopsResourceNotFound", missing.ErrorId);
    }
}
