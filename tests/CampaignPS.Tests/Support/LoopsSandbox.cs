using CampaignPS.Engine.Http;
using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;

namespace CampaignPS.Tests.Support;

/// <summary>A sandbox on a free loopback port plus a Loops client pointed at it, with fast retries.</summary>
internal sealed class LoopsSandbox : IAsyncDisposable
{
    private LoopsSandbox(SandboxServer server, RecordingLoggerProvider logs)
    {
        Server = server;
        Logs = logs;
    }

    public SandboxServer Server { get; }

    public RecordingLoggerProvider Logs { get; }

    public static async Task<LoopsSandbox> StartAsync(bool enforceRateLimits = false, int requestsPerSecond = 10)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = enforceRateLimits, LoopsRequestsPerSecond = requestsPerSecond });
        return new LoopsSandbox(server, new RecordingLoggerProvider());
    }

    /// <summary>A client with no client-side pacing (so tests can provoke 429s) and millisecond back-off.</summary>
    public LoopsClient Client(Action<ApiConnectionOptions>? configure = null, string apiKey = SandboxServer.DefaultLoopsApiKey)
    {
        var options = Options(apiKey);
        configure?.Invoke(options);
        return new LoopsClient(options);
    }

    public ApiConnectionOptions Options(string apiKey = SandboxServer.DefaultLoopsApiKey)
    {
        var options = new ApiConnectionOptions(ApiSecret.FromString(apiKey))
        {
            BaseUri = Server.LoopsBaseUri,
            LoggerFactory = Logs,
            RequestsPerSecond = 0,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    public int Count(string method, string path) => Server.Requests.Count(method, "/loops/api/v1/" + path);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
