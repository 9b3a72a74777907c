using CampaignPS.Sandbox.Platforms.Loops;
using CampaignPS.Sandbox.Platforms.Outbox;
using CampaignPS.Sandbox.Platforms.Sms;
using CampaignPS.Sandbox.Platforms.Smartlead;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignPS.Sandbox;

/// <summary>The in-memory stand-in for the platform APIs, listening on 127.0.0.1 only.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    public const string DefaultLoopsApiKey = "sandbox-loops-key";

    public const string DefaultSmartleadApiKey = "sandbox-smartlead-key";

    public const string DefaultOutboxApiKey = "sandbox-outbox-key";

    public const string DefaultSmsToken = "sandbox-sms-token";

    private readonly WebApplication _app;
    private readonly SandboxPlatformSet _platforms;
    private readonly LoopsPlatform _loops;
    private readonly SmartleadPlatform _smartlead;
    private readonly OutboxPlatform _outbox;
    private readonly SmsPlatform _sms;
    private readonly Lock _stopGate = new();
    private Task? _stopping;
    private int _disposed;

    private SandboxServer(
        WebApplication app, SandboxPlatformSet platforms, LoopsPlatform loops, SmartleadPlatform smartlead, OutboxPlatform outbox, SmsPlatform sms)
    {
        _app = app;
        _platforms = platforms;
        _loops = loops;
        _smartlead = smartlead;
        _outbox = outbox;
        _sms = sms;
    }

    public Uri RootUri { get; private set; } = null!;

    public Uri LoopsBaseUri => BaseUriOf(_loops);

    /// <summary>RootUri + "smartlead/api/v1/"; authenticate with ?api_key=.</summary>
    public Uri SmartleadBaseUri => BaseUriOf(_smartlead);

    /// <summary>RootUri + "outbox/" (the docs' https://api.getoutbox.ai/); authenticate with
    /// "Authorization: Bearer KEY" or the bare key.</summary>
    public Uri OutboxBaseUri => BaseUriOf(_outbox);

    /// <summary>RootUri + "sms/" (a Tether instance root: its API is below api/); authenticate with "Authorization: Bearer TOKEN".</summary>
    public Uri SmsBaseUri => BaseUriOf(_sms);

    public SandboxRequestLog Requests { get; } = new();

    public SandboxFaults Faults { get; } = new();

    public LoopsSandboxState Loops => _loops.State;

    public SmartleadSandboxState Smartlead => _smartlead.State;

    public OutboxSandboxState Outbox => _outbox.State;

    public SmsSandboxState Sms => _sms.State;

    internal IReadOnlyList<ISandboxPlatform> Platforms => _platforms.All;

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new SandboxOptions()).ValidatedCopy();
        var loops = new LoopsPlatform(settings, TimeProvider.System);
        var smartlead = new SmartleadPlatform(settings, TimeProvider.System);
        var outbox = new OutboxPlatform(settings, TimeProvider.System);
        var sms = new SmsPlatform(settings, TimeProvider.System);
        var platforms = new SandboxPlatformSet([loops, smartlead, outbox, sms]);

        // The empty builder reads no configuration or environment (ASPNETCORE_URLS and friends), so
        // nothing can move the listener off loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, settings.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            // A failed start (e.g. port in use) reaches the caller as an exception; don't also log it.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var app = builder.Build();
        var server = new SandboxServer(app, platforms, loops, smartlead, outbox, sms);
        var pipeline = new PlatformRequestPipeline(platforms, server.Requests, server.Faults, settings);

        app.UseRouting();
        app.Use(next => context => pipeline.InvokeAsync(context, next));
        SandboxControlRoutes.Map(app, server, platforms);
        foreach (var platform in platforms.All)
        {
            platform.MapRoutes(app);
        }

        try
        {
            await app.StartAsync(cancellationToken);
            server.RootUri = LoopbackRootUri(app);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Clears all platform state, faults, the request log and rate-limit history, and re-seeds the fixed data.</summary>
    public void Reset()
    {
        Faults.Clear();
        Requests.Clear();
        foreach (var platform in _platforms.All)
        {
            platform.Reset();
        }
    }

    internal Uri BaseUriOf(ISandboxPlatform platform) => new(RootUri, platform.BasePath);

    /// <summary>Completes when <paramref name="ct"/> is cancelled or the server is stopping.</summary>
    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onCancel = ct.Register(() => shutdown.TrySetResult());
        await using var onStopping = _app.Lifetime.ApplicationStopping.Register(() => shutdown.TrySetResult());
        await shutdown.Task;
    }

    public Task StopAsync()
    {
        lock (_stopGate)
        {
            return _stopping ??= _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.DisposeAsync();
        }
    }

    private static Uri LoopbackRootUri(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var listening = addresses.Select(address => new Uri(address)).ToArray();
        if (listening.Length != 1
            || !IPAddress.TryParse(listening[0].Host, out var ip)
            || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException(
                $"The sandbox only listens on 127.0.0.1, but Kestrel bound to: {string.Join(", ", addresses)}.");
        }
        return new Uri($"http://127.0.0.1:{listening[0].Port}/");
    }
}
