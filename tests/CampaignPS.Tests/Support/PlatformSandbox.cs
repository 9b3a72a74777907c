using CampaignPS.Engine.Http;
using CampaignPS.Sandbox;

namespace CampaignPS.Tests.Support;

/// <summary>
/// A sandbox on a free loopback port plus clients for one of its platforms, with no client-side
/// pacing (so tests can provoke 429s), millisecond back-off and every log line recorded.
/// </summary>
internal abstract class PlatformSandbox<TClient> : IAsyncDisposable
{
    private readonly Func<ApiConnectionOptions, TClient> _createClient;
    private readonly string _defaultApiKey;

    protected PlatformSandbox(SandboxServer server, Uri baseUri, string defaultApiKey, Func<ApiConnectionOptions, TClient> createClient)
    {
        Server = server;
        BaseUri = baseUri;
        _defaultApiKey = defaultApiKey;
        _createClient = createClient;
    }

    public SandboxServer Server { get; }

    /// <summary>The platform's API root in the sandbox.</summary>
    public Uri BaseUri { get; }

    /// <summary>The path below which the platform's requests arrive, e.g. "/loops/api/v1/".</summary>
    public string ApiPath => BaseUri.AbsolutePath;

    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>A client with no client-side pacing and millisecond back-off; <paramref name="apiKey"/> defaults to the sandbox's key.</summary>
    public TClient Client(Action<ApiConnectionOptions>? configure = null, string? apiKey = null)
    {
        var options = Options(apiKey);
        configure?.Invoke(options);
        return _createClient(options);
    }

    public ApiConnectionOptions Options(string? apiKey = null)
    {
        var options = new ApiConnectionOptions(ApiSecret.FromString(apiKey ?? _defaultApiKey))
        {
            BaseUri = BaseUri,
            LoggerFactory = Logs,
            RequestsPerSecond = 0,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    /// <summary>Requests with <paramref name="method"/> whose path below the API root starts with <paramref name="path"/>.</summary>
    public int Count(string method, string path) => Server.Requests.Count(method, ApiPath + path);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
