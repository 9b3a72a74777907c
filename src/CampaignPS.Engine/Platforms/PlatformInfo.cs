namespace CampaignPS.Engine.Platforms;

/// <summary>The platforms CampaignPS drives.</summary>
public enum Platform
{
    /// <summary>Loops content API (app.loops.so).</summary>
    Loops,
    /// <summary>Smartlead (server.smartlead.ai).</summary>
    Smartlead,
    /// <summary>Outbox (api.getoutbox.ai).</summary>
    Outbox,
    /// <summary>Tether SMS, on the customer's own instance.</summary>
    Sms,
}

/// <summary>Smartlead's plans, whose rate limits differ.</summary>
public enum SmartleadPlan
{
    /// <summary>10/s burst, 60/min, 1,000/h.</summary>
    Standard,
    /// <summary>20/s burst, 120/min, 3,000/h.</summary>
    Pro,
    /// <summary>Custom limits: the client does not pace itself and follows the server's headers.</summary>
    Enterprise,
}

/// <summary>Facts about a platform that every layer needs: names, defaults and documented limits.</summary>
public sealed class PlatformInfo
{
    private PlatformInfo(Platform platform, string displayName, Uri? defaultBaseUri, string apiKeyVariable, IReadOnlyList<RateLimitWindow> documentedLimits, string? errorIdPrefix = null)
    {
        Platform = platform;
        DisplayName = displayName;
        ErrorIdPrefix = errorIdPrefix ?? displayName;
        DefaultBaseUri = defaultBaseUri;
        ApiKeyEnvironmentVariable = apiKeyVariable;
        DocumentedLimits = documentedLimits;
    }

    /// <summary>Loops: 10 requests per second per team (Loops API docs, "Rate limiting").</summary>
    public static PlatformInfo Loops { get; } = new PlatformInfo(
        Platform.Loops, "Loops", new Uri("https://app.loops.so/api/v1/"), "LOOPS_API_KEY", new[] { new RateLimitWindow(10, TimeSpan.FromSeconds(1)) });

    /// <summary>Smartlead: per key 10/s burst, 60/min and 1,000/h on the standard plan (Smartlead rate-limits guide).</summary>
    public static PlatformInfo Smartlead { get; } = new PlatformInfo(
        Platform.Smartlead, "Smartlead", new Uri("https://server.smartlead.ai/api/v1/"), "SMARTLEAD_API_KEY", SmartleadLimits(SmartleadPlan.Standard));

    /// <summary>Outbox (getoutbox.ai): no rate limit is documented, so the client does not pace itself (429s are still honoured).</summary>
    public static PlatformInfo Outbox { get; } = new PlatformInfo(
        Platform.Outbox, "Outbox", new Uri("https://api.getoutbox.ai/"), "OUTBOX_API_KEY", Array.Empty<RateLimitWindow>());

    /// <summary>Tether SMS: every customer runs an instance of their own, so there is no default address; no rate limit is documented.</summary>
    public static PlatformInfo Sms { get; } = new PlatformInfo(
        Platform.Sms, "SMS (Tether)", null, "SMS_API_TOKEN", Array.Empty<RateLimitWindow>(), "Sms");

    /// <summary>The platform this describes.</summary>
    public Platform Platform { get; }

    /// <summary>Requests a bulk cmdlet keeps in flight by default: enough to reach the documented rate at typical latency.</summary>
    public int DefaultThrottleLimit => Platform == Platform.Smartlead || Platform == Platform.Sms ? 2 : 4;

    /// <summary>Prefix of every ErrorId for the platform, e.g. "Loops" in LoopsCampaignNotDraft.</summary>
    public string ErrorIdPrefix { get; }

    /// <summary>Name used in messages, WhatIf text and as the ErrorId prefix.</summary>
    public string DisplayName { get; }

    /// <summary>The public API root, or null where every customer has an instance of their own.</summary>
    public Uri? DefaultBaseUri { get; }

    /// <summary>The cmdlet that connects to the platform, named in advice.</summary>
    public string ConnectCommand => Platform == Platform.Sms ? "Connect-SmsPlatform" : "Connect-" + ErrorIdPrefix;

    /// <summary>The cmdlet that closes the platform's connection.</summary>
    public string DisconnectCommand => "Disconnect-" + ConnectCommand.Substring("Connect-".Length);

    /// <summary>The environment variable read when no key is given.</summary>
    public string ApiKeyEnvironmentVariable { get; }

    /// <summary>
    /// How long to wait after a 429 that names no wait (Loops sends neither Retry-After nor a reset
    /// time): the length of the documented limit's window.
    /// </summary>
    public TimeSpan RateLimitWindow { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The documented limits the client paces itself by; empty when none are documented.</summary>
    public IReadOnlyList<RateLimitWindow> DocumentedLimits { get; }

    /// <summary>Smartlead's published limits per plan (rate-limits guide): Standard 10/s, 60/min, 1,000/h; Pro 20/s, 120/min, 3,000/h; Enterprise custom (none assumed).</summary>
    public static IReadOnlyList<RateLimitWindow> SmartleadLimits(SmartleadPlan plan) => plan switch
    {
        SmartleadPlan.Standard => new[] { new RateLimitWindow(10, TimeSpan.FromSeconds(1)), new RateLimitWindow(60, TimeSpan.FromMinutes(1)), new RateLimitWindow(1000, TimeSpan.FromHours(1)) },
        SmartleadPlan.Pro => new[] { new RateLimitWindow(20, TimeSpan.FromSeconds(1)), new RateLimitWindow(120, TimeSpan.FromMinutes(1)), new RateLimitWindow(3000, TimeSpan.FromHours(1)) },
        _ => Array.Empty<RateLimitWindow>(),
    };

    /// <summary>Looks up the description of <paramref name="platform"/>.</summary>
    public static PlatformInfo For(Platform platform) => platform switch
    {
        Platform.Loops => Loops,
        Platform.Smartlead => Smartlead,
        Platform.Outbox => Outbox,
        Platform.Sms => Sms,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Unknown platform."),
    };

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
