using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Pipeline;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Sandbox;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// The benchmark's scenarios (bench/CampaignPS.Bench) at small sizes, asserting correctness only:
/// bulk work through the ordered runner, as the cmdlets drive it, arrives once, in input order,
/// and every item is accounted for, whatever the server does. Timing lives in the benchmark.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class BulkScenarioTests
{
    private const string LoopsApi = "/loops/api/v1/";

    [Fact]
    public async Task Thirty_Loops_creates_four_in_flight_under_the_servers_limit_are_each_created_once_and_delivered_in_input_order()
    {
        await using var sandbox = await LoopsSandbox.StartAsync(enforceRateLimits: true, requestsPerSecond: 10);
        using var client = sandbox.Client(PacedTo(10));
        string[] names = Names("Bulk", 30);
        var inFlight = new InFlightCounter();

        var delivered = await RunOrderedAsync(names, 4, (name, token) => inFlight.Track(() => client.CreateCampaignAsync(new NewLoopsCampaign { Name = name }, token)));

        Assert.Equal(names, delivered.Select(d => d.Item));
        Assert.All(delivered, d => Assert.Equal(d.Item, d.Task.Result.Name));
        Assert.Equal(names.Order(StringComparer.Ordinal), sandbox.Server.Loops.Campaigns.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.InRange(inFlight.Peak, 2, 4);
    }

    [Fact]
    public async Task Four_thousand_leads_with_batches_in_flight_take_ten_requests_and_store_each_lead_once()
    {
        await using var sandbox = await SmartleadSandbox.StartAsync();
        using var client = sandbox.Client();
        long campaignId = (await client.CreateCampaignAsync(new NewSmartleadCampaign { Name = "Bulk leads" })).Id;
        // A little latency on every batch, so that several are really in flight at once.
        sandbox.Server.Faults.Add(new FaultRule { Method = "POST", PathPrefix = sandbox.LeadsPath(campaignId), Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(50), Times = -1 });
        string[] emails = Enumerable.Range(1, 4000).Select(i => string.Create(CultureInfo.InvariantCulture, $"lead{i}@bulk.example")).ToArray();
        SmartleadLeadImporter importer = client.StartLeadImport(campaignId);
        var inFlight = new InFlightCounter();

        var delivered = await RunOrderedAsync(
            Batches(importer, emails), 4, (batch, token) => inFlight.Track(() => importer.SendAsync(batch, token)));

        Assert.Equal(10, delivered.Count);
        Assert.All(delivered, d => Assert.Null(d.Task.Result.Failure));
        Assert.Equal(emails, delivered.SelectMany(d => d.Item.Select(lead => lead.Email)));
        Assert.Equal(10, sandbox.State.LeadPostCount(campaignId));
        Assert.Equal(emails.Order(StringComparer.Ordinal), sandbox.State.LeadEmails(campaignId).Order(StringComparer.Ordinal));
        Assert.Equal(4000, importer.Result.Inserted);
        Assert.Equal(0, importer.Result.Duplicates);
        Assert.Equal(0, importer.Result.Failed);
        Assert.InRange(inFlight.Peak, 2, 4);
    }

    [Fact]
    public async Task In_a_fault_storm_nothing_is_lost_or_duplicated_and_every_unknown_outcome_is_reported()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(options => options.Retry.MaxAttempts = 10);
        sandbox.Server.Faults.Add(new FaultRule { Method = "GET", PathPrefix = LoopsApi, Kind = FaultKind.Status, StatusCode = 503, Probability = 0.2, Times = -1 });
        sandbox.Server.Faults.Add(new FaultRule { Method = "POST", PathPrefix = LoopsApi + "campaigns", Kind = FaultKind.DropConnection, When = FaultTiming.AfterHandler, Probability = 0.25, Times = 3 });
        sandbox.Server.Faults.Add(new FaultRule { PathPrefix = LoopsApi, Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(1), Times = 4 });
        string[] names = Names("Storm", 40);

        var delivered = await RunOrderedAsync(names, 6, async (name, token) =>
        {
            LoopsCampaign created = await client.CreateCampaignAsync(new NewLoopsCampaign { Name = name }, token);
            return await client.GetCampaignAsync(created.Id, token);
        });

        Assert.Equal(names, delivered.Select(d => d.Item));
        string[] created = delivered.Where(d => d.Task.IsCompletedSuccessfully).Select(d => d.Task.Result.Name).ToArray();
        string[] unknown = delivered.Where(d => d.Task.Exception?.InnerException is CampaignApiException { Failure.OutcomeUnknown: true, ErrorId: "LoopsOutcomeUnknown" }).Select(d => d.Item).ToArray();
        Assert.Equal(names.Length, created.Length + unknown.Length);
        Assert.Equal(created, delivered.Where(d => d.Task.IsCompletedSuccessfully).Select(d => d.Item));
        string[] stored = sandbox.Server.Loops.Campaigns.Select(c => c.Name).ToArray();
        Assert.Equal(stored.Length, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(created.Concat(unknown).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        int dropped = sandbox.Server.Requests.Snapshot().Count(r => r.Method == "POST" && r.StatusCode == 0);
        Assert.InRange(dropped, 1, 3);
        Assert.Equal(dropped, unknown.Length);
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.StatusCode == 503);
        Assert.Contains(sandbox.Server.Requests.Snapshot(), r => r.StatusCode == 429);
    }

    [Fact]
    public async Task Cancelling_during_a_long_Retry_After_wait_ends_the_run_within_a_second_with_earlier_results_delivered()
    {
        await using var sandbox = await LoopsSandbox.StartAsync();
        using var client = sandbox.Client(PacedTo(100));
        sandbox.Server.Faults.Add(new FaultRule { Method = "GET", PathPrefix = LoopsApi + "lists", Kind = FaultKind.RateLimited, RetryAfter = TimeSpan.FromSeconds(60), Times = -1 });
        // Three creates, then a read the server holds off for a minute, then two more creates.
        string[] items = ["create 1", "create 2", "create 3", "read lists", "create 5", "create 6"];
        using var cancellation = new CancellationTokenSource();
        var deliveredBeforeCancel = new List<string>();

        var run = RunOrderedAsync(items, 4, async (item, token) =>
        {
            if (item == "read lists")
            {
                return (await client.GetMailingListsAsync(token)).Count.ToString(CultureInfo.InvariantCulture);
            }

            return (await client.CreateCampaignAsync(new NewLoopsCampaign { Name = item }, token)).Name;
        }, cancellation.Token, onDeliver: item =>
        {
            lock (deliveredBeforeCancel)
            {
                if (!cancellation.IsCancellationRequested)
                {
                    deliveredBeforeCancel.Add(item);
                }
            }
        });
        // A wait this long is a warning (visible without -Verbose), naming the wait, its source and the operation.
        string shown = await sandbox.Logs.WaitForAsync("waiting 60 s (Retry-After)").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(shown, sandbox.Logs.Warnings);
        await WaitUntilAsync(() => { lock (deliveredBeforeCancel) { return deliveredBeforeCancel.Count >= 3; } });
        var stopwatch = Stopwatch.StartNew();
        lock (deliveredBeforeCancel)
        {
            cancellation.Cancel();
        }

        var delivered = await run.WaitAsync(TimeSpan.FromSeconds(10));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"the run took {stopwatch.Elapsed} to end after cancellation");
        Assert.Equal(items, delivered.Select(d => d.Item));
        Assert.Equal(["create 1", "create 2", "create 3"], deliveredBeforeCancel);
        Assert.All(delivered.Take(3), d => Assert.Equal(d.Item, d.Task.Result));
        Assert.True(delivered[3].Task.IsCanceled);
        Assert.Equal(1, sandbox.Count("GET", "lists"));
    }

    [Fact]
    public async Task A_spent_window_the_pacing_already_keeps_to_does_not_hold_the_connection()
    {
        var handler = new CannedHandler(() => Ok("[]", ("x-ratelimit-limit", "10"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", InSeconds(30))));
        var logs = new RecordingLoggerProvider();
        using var client = new LoopsClient(CannedOptions(handler, logs, PacedTo(10)));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await client.GetMailingListsAsync(guard.Token);
        await client.GetMailingListsAsync(guard.Token);

        Assert.Equal(2, handler.Calls);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("holding requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_spent_window_the_pacing_does_not_know_holds_the_connection_until_it_resets()
    {
        var handler = new CannedHandler(() => Ok("[]", ("x-ratelimit-limit", "5"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", InSeconds(30))));
        var logs = new RecordingLoggerProvider();
        using var client = new LoopsClient(CannedOptions(handler, logs, PacedTo(10)));

        await client.GetMailingListsAsync();

        Assert.Contains(logs.Lines, l => l.Contains("The server's rate-limit window is spent: holding requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_429_without_a_wait_on_a_paced_connection_retries_at_the_next_paced_slot_and_a_second_waits_a_window()
    {
        var handler = new CannedHandler(TooMany, () => Ok("[]"), TooMany, TooMany, () => Ok("[]"));
        var logs = new RecordingLoggerProvider();
        using var client = new LoopsClient(CannedOptions(handler, logs, PacedTo(10)));

        await client.GetMailingListsAsync();
        Assert.Contains(logs.Lines, l => l.Contains("(next paced slot) before attempt 2", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("(rate-limit window)", StringComparison.Ordinal));

        await client.GetMailingListsAsync();
        Assert.Contains(logs.Lines, l => l.Contains("(rate-limit window) before attempt 3", StringComparison.Ordinal));
        Assert.Equal(5, handler.Calls);

        static HttpResponseMessage TooMany() => new((HttpStatusCode)429) { Content = new StringContent("""{"success":false,"message":"Rate limit exceeded"}""", Encoding.UTF8, "application/json") };
    }

    private static Action<ApiConnectionOptions> PacedTo(int requestsPerSecond) => options =>
    {
        options.RequestsPerSecond = null;
        options.RateLimits = [new RateLimitWindow(requestsPerSecond, TimeSpan.FromSeconds(1))];
    };

    private static string[] Names(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:000}")).ToArray();

    // As Add-SmartleadLead does: each full batch is taken from the importer and submitted while the next one fills.
    private static IEnumerable<IReadOnlyList<SmartleadLead>> Batches(SmartleadLeadImporter importer, IEnumerable<string> emails)
    {
        long row = 0;
        foreach (string email in emails)
        {
            importer.Add(SmartleadLead.FromFields([new("Email", email), new("FirstName", "Bulk")], ++row));
            if (importer.BatchIsFull && importer.TakeBatch() is { } full)
            {
                yield return full;
            }
        }

        if (importer.TakeBatch() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// Runs <paramref name="items"/> through an OrderedRunner on a thread of its own, which plays the
    /// PowerShell pipeline thread; returns what was delivered there, in delivery order.
    /// </summary>
    private static Task<List<Delivery<TItem, TResult>>> RunOrderedAsync<TItem, TResult>(
        IEnumerable<TItem> items, int throttleLimit, Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default, Action<TItem>? onDeliver = null) =>
        Task.Factory.StartNew(() =>
        {
            var delivered = new List<Delivery<TItem, TResult>>();
            var runner = new OrderedRunner(new PipelineBridge(new NullWriter()), throttleLimit);
            foreach (TItem item in items)
            {
                runner.Submit(token => work(item, token), task =>
                {
                    delivered.Add(new Delivery<TItem, TResult>(item, task));
                    onDeliver?.Invoke(item);
                }, cancellationToken);
            }

            runner.Complete();
            return delivered;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the condition was not met within 10 s");
            await Task.Delay(10);
        }
    }

    private static ApiConnectionOptions CannedOptions(CannedHandler handler, RecordingLoggerProvider logs, Action<ApiConnectionOptions> configure)
    {
        // A key of its own: limiters are shared per platform, address and key in the process, and each test starts afresh.
        var options = new ApiConnectionOptions(ApiSecret.FromString("canned-key-" + Guid.NewGuid().ToString("N")))
        {
            BaseUri = new Uri("http://127.0.0.1:9/api/v1/"),
            HttpMessageHandler = handler,
            LoggerFactory = logs,
        };
        configure(options);
        return options;
    }

    private static HttpResponseMessage Ok(string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private static string InSeconds(int seconds) => DateTimeOffset.UtcNow.AddSeconds(seconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>One delivered record and its finished task.</summary>
    private sealed record Delivery<TItem, TResult>(TItem Item, Task<TResult> Task);

    /// <summary>Counts how many calls run at once.</summary>
    private sealed class InFlightCounter
    {
        private int _running;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public async Task<T> Track<T>(Func<Task<T>> call)
        {
            int now = Interlocked.Increment(ref _running);
            int seen;
            while ((seen = Volatile.Read(ref _peak)) < now && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }

            try
            {
                return await call();
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    /// <summary>Answers each request with the next canned response; the last one repeats.</summary>
    private sealed class CannedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int call = Interlocked.Increment(ref _calls) - 1;
            return Task.FromResult(responses[Math.Min(call, responses.Length - 1)]());
        }
    }

    private sealed class NullWriter : IPipelineWriter
    {
        public void Write(PipelineMessageKind kind, string text)
        {
        }
    }
}
