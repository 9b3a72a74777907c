using System.Collections;
using System.Net;
using System.Net.Http;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Http;
using CampaignPS.Engine.Json;
using CampaignPS.Engine.Logging;
using CampaignPS.Engine.Paging;
using CampaignPS.Engine.Pipeline;
using CampaignPS.Engine.Validation;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>The shared mechanics, without a server.</summary>
public sealed class EngineUnitTests
{
    [Theory]
    [InlineData("""{"message":"flat message"}""", "flat message", null)]
    [InlineData("""{"error":"flat error"}""", "flat error", null)]
    [InlineData("""{"error":{"code":"E42","message":"nested"}}""", "nested", "E42")]
    [InlineData("""{"message":"top","code":"C1"}""", "top", "C1")]
    [InlineData("""{"success":false,"message":"loops style"}""", "loops style", null)]
    [InlineData("""{"success":false,"message":"outer","error":{"path":"x","message":"inner"}}""", "inner", null)]
    [InlineData("<html>Bad Gateway</html>", "<html>Bad Gateway</html>", null)]
    [InlineData("", null, null)]
    public void Every_documented_error_body_shape_is_read(string body, string? message, string? code)
    {
        ApiErrorBody parsed = ApiErrorBody.Parse(body);

        Assert.Equal(message, parsed.Message);
        Assert.Equal(code, parsed.Code);
    }

    [Fact]
    public void Rate_limit_headers_are_read_in_every_documented_unit()
    {
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        RateLimitSignal delta = Signal(now, ("Retry-After", "7"));
        RateLimitSignal date = Signal(now, ("Retry-After", now.AddSeconds(30).ToString("R")));
        RateLimitSignal epoch = Signal(now, ("X-RateLimit-Reset", (now.ToUnixTimeSeconds() + 12).ToString()), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Limit", "60"));
        RateLimitSignal epochMs = Signal(now, ("x-ratelimit-reset", (now.ToUnixTimeMilliseconds() + 1500).ToString()));
        RateLimitSignal seconds = Signal(now, ("x-ratelimit-reset", "3"));
        RateLimitSignal none = Signal(now);

        Assert.Equal(TimeSpan.FromSeconds(7), delta.RequestedWait(now));
        Assert.Equal(TimeSpan.FromSeconds(30), date.RequestedWait(now));
        Assert.Equal(TimeSpan.FromSeconds(12), epoch.RequestedWait(now));
        Assert.Equal(0, epoch.Remaining);
        Assert.Equal(60, epoch.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), epochMs.RequestedWait(now));
        Assert.Equal(TimeSpan.FromSeconds(3), seconds.RequestedWait(now));
        Assert.Null(none.RequestedWait(now));
    }

    [Theory]
    [InlineData("name@example.com", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("space in@example.com", false)]
    [InlineData("name@localhost", false)]
    [InlineData("Name <name@example.com>", false)]
    public void Email_addresses_are_checked(string address, bool valid) => Assert.Equal(valid, InputRules.IsEmail(address));

    [Fact]
    public void Validation_messages_name_the_field_the_value_and_the_limit()
    {
        var rules = new InputRules("Loops");

        var tooLong = Assert.Throws<InputValidationException>(() => rules.MaxLength("Name", new string('a', 300), 255));
        var wrong = Assert.Throws<InputValidationException>(() => rules.OneOf("Status", "done", ["draft", "active"]));

        Assert.Equal("LoopsInvalidName", tooLong.ErrorId);
        Assert.Contains("300 characters long; the limit is 255", tooLong.Message);
        Assert.Contains("'done'", wrong.Message);
        Assert.Contains("draft, active", wrong.Message);
        Assert.DoesNotContain("(Parameter", wrong.Message);
    }

    [Fact]
    public void Hashtables_arrays_and_numbers_become_JSON_and_strings_pass_through()
    {
        var writer = new JsonValueWriter();
        var filter = new System.Collections.Specialized.OrderedDictionary { ["match"] = "all", ["conditions"] = new object[] { new Hashtable { ["value"] = 3 } }, ["on"] = true };

        Assert.Equal("""{"match":"all","conditions":[{"value":3}],"on":true}""", writer.ToJson(filter));
        Assert.Equal("""{"already":"json"}""", writer.ToJson("""{"already":"json"}"""));
    }

    [Fact]
    public void Callbacks_posted_from_background_threads_run_on_the_calling_thread_in_order()
    {
        var writer = new ThreadRecordingWriter();
        var bridge = new PipelineBridge(writer);
        int callingThread = Environment.CurrentManagedThreadId;

        int result = bridge.Run(async token =>
        {
            for (int i = 0; i < 50; i++)
            {
                await Task.Yield();
                PipelineBridge.Current!.Post(PipelineMessageKind.Verbose, $"line {i}");
            }

            return 42;
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"line {i}"), writer.Lines.Select(l => l.Text));
        Assert.All(writer.Lines, l => Assert.Equal(callingThread, l.Thread));
    }

    [Fact]
    public void Exceptions_from_the_work_reach_the_caller_unwrapped()
    {
        var bridge = new PipelineBridge(new ThreadRecordingWriter());

        var error = Assert.Throws<InvalidOperationException>(() => bridge.Run<int>(_ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task Log_entries_go_to_the_bridge_of_the_work_that_wrote_them()
    {
        ILogger logger = PipelineLogging.Factory.CreateLogger("test");
        var first = new ThreadRecordingWriter();
        var second = new ThreadRecordingWriter();
        using var bothLogged = new Barrier(2);

        var runs = new[] { (Writer: first, Name: "first"), (Writer: second, Name: "second") }.Select(run => Task.Run(() =>
            new PipelineBridge(run.Writer).Run(async _ =>
            {
                await Task.Yield();
                logger.LogInformation("from {Name}", run.Name);
                logger.LogDebug("debug from {Name}", run.Name);
                logger.LogWarning("warning from {Name}", run.Name);
                bothLogged.SignalAndWait();
                return 0;
            }, CancellationToken.None))).ToArray();
        await Task.WhenAll(runs);
        logger.LogInformation("outside any cmdlet");

        Assert.Equal([PipelineMessageKind.Verbose, PipelineMessageKind.Debug, PipelineMessageKind.Warning], first.Lines.Select(l => l.Kind));
        Assert.All(first.Lines, l => Assert.EndsWith("first", l.Text));
        Assert.All(second.Lines, l => Assert.EndsWith("second", l.Text));
        Assert.Equal(3, second.Lines.Count);
    }

    [Fact]
    public async Task The_rate_limiter_spaces_requests_and_honours_a_pause()
    {
        var limiter = new RequestRateLimiter(requestsPerSecond: 50);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => limiter.WaitAsync(CancellationToken.None)));
        TimeSpan paced = clock.Elapsed;
        limiter.Pause(TimeSpan.FromMilliseconds(300));
        clock.Restart();
        await limiter.WaitAsync(CancellationToken.None);

        Assert.True(paced >= TimeSpan.FromMilliseconds(190), $"11 requests at 50/s took only {paced}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(280), $"the pause lasted only {clock.Elapsed}");
    }

    [Fact]
    public async Task The_rate_limiter_keeps_to_every_window_of_a_plan()
    {
        var limiter = new RequestRateLimiter([new RateLimitWindow(100, TimeSpan.FromSeconds(1)), new RateLimitWindow(5, TimeSpan.FromMilliseconds(300))]);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync(CancellationToken.None)));
        await limiter.WaitAsync(CancellationToken.None);

        // Only the lower bound is asserted: a busy machine can make anything slower, never faster.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"the sixth request went after {clock.Elapsed}, inside the 300 ms window");
        Assert.Equal(["5 per 0.3 s", "100 per 1 s"], limiter.Windows.Select(w => w.ToString()));
    }

    [Fact]
    public void Smartlead_plans_carry_the_published_limits()
    {
        Assert.Equal(["10 per 1 s", "60 per 60 s", "1000 per 3600 s"], CampaignPS.Engine.Platforms.PlatformInfo.SmartleadLimits(CampaignPS.Engine.Platforms.SmartleadPlan.Standard).Select(w => w.ToString()));
        Assert.Equal(["20 per 1 s", "120 per 60 s", "3000 per 3600 s"], CampaignPS.Engine.Platforms.PlatformInfo.SmartleadLimits(CampaignPS.Engine.Platforms.SmartleadPlan.Pro).Select(w => w.ToString()));
        Assert.Empty(CampaignPS.Engine.Platforms.PlatformInfo.SmartleadLimits(CampaignPS.Engine.Platforms.SmartleadPlan.Enterprise));
    }

    [Fact]
    public async Task The_pager_stops_at_the_last_page_or_at_the_cap()
    {
        var pages = new Dictionary<string, CursorPage<int>>
        {
            [""] = new([1, 2, 3], "b"),
            ["b"] = new([4, 5, 6], "c"),
            ["c"] = new([7], null),
        };
        int calls = 0;
        Task<CursorPage<int>> Fetch(string? cursor, CancellationToken _) { calls++; return Task.FromResult(pages[cursor ?? string.Empty]); }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], await Drain(new CursorPager<int>(Fetch, true, null)));
        Assert.Equal(3, calls);
        Assert.Equal([1, 2, 3, 4], await Drain(new CursorPager<int>(Fetch, false, 4)));
        Assert.Equal([1, 2, 3], await Drain(new CursorPager<int>(Fetch, false, null)));
    }

    [Fact]
    public void Plain_http_is_refused_except_for_loopback()
    {
        var remote = new ApiConnectionOptions(ApiSecret.FromString("k")) { BaseUri = new Uri("http://api.example.com/v1") };
        var loopback = new ApiConnectionOptions(ApiSecret.FromString("k")) { BaseUri = new Uri("http://127.0.0.1:5000/loops/api/v1") };

        var error = Assert.Throws<InputValidationException>(() => new CampaignPS.Engine.Loops.LoopsClient(remote));
        using var client = new CampaignPS.Engine.Loops.LoopsClient(loopback);

        var withUser = Assert.Throws<InputValidationException>(() => new CampaignPS.Engine.Loops.LoopsClient(
            new ApiConnectionOptions(ApiSecret.FromString("k")) { BaseUri = new Uri("https://user:hunter2@api.example.com/v1") }));

        Assert.Equal("LoopsInvalidBaseUri", error.ErrorId);
        Assert.Contains("https", error.Message);
        Assert.Equal("LoopsInvalidBaseUri", withUser.ErrorId);
        Assert.DoesNotContain("hunter2", withUser.Message);
        Assert.Equal("http://127.0.0.1:5000/loops/api/v1/", client.BaseUri.ToString());
    }

    [Fact]
    public void Failure_categories_are_all_PowerShell_ErrorCategory_names()
    {
        using var surface = CampaignPS.Tests.Support.CmdletSurface.Load();
        Type errorCategory = surface.FindType("System.Management.Automation.ErrorCategory");
        var names = errorCategory.GetFields().Where(f => f.IsStatic).Select(f => f.Name).ToHashSet();

        Assert.All(Enum.GetNames<FailureCategory>(), name => Assert.Contains(name, names));
    }

    private static RateLimitSignal Signal(DateTimeOffset now, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)429);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RateLimitSignal.From(response, now);
    }

    private static async Task<List<int>> Drain(CursorPager<int> pager)
    {
        var all = new List<int>();
        while (await pager.NextAsync(CancellationToken.None) is { } page)
        {
            all.AddRange(page);
        }

        return all;
    }

    private sealed class ThreadRecordingWriter : IPipelineWriter
    {
        public List<(PipelineMessageKind Kind, string Text, int Thread)> Lines { get; } = [];

        public void Write(PipelineMessageKind kind, string text) => Lines.Add((kind, text, Environment.CurrentManagedThreadId));
    }
}
