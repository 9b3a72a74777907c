using System;

namespace CampaignPS.Engine.Platforms
{
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

    /// <summary>Facts about a platform that every layer needs: names, defaults and documented limits.</summary>
    public sealed class PlatformInfo
    {
        private PlatformInfo(Platform platform, string displayName, Uri? defaultBaseUri, string apiKeyVariable, double documentedRequestsPerSecond, string? errorIdPrefix = null)
        {
            Platform = platform;
            DisplayName = displayName;
            ErrorIdPrefix = errorIdPrefix ?? displayName;
            DefaultBaseUri = defaultBaseUri;
            ApiKeyEnvironmentVariable = apiKeyVariable;
            DocumentedRequestsPerSecond = documentedRequestsPerSecond;
        }

        /// <summary>Loops: 10 requests per second per team (Loops API docs, "Rate limiting").</summary>
        public static PlatformInfo Loops { get; } = new PlatformInfo(
            Platform.Loops, "Loops", new Uri("https://app.loops.so/api/v1/"), "LOOPS_API_KEY", 10);

        /// <summary>
        /// Smartlead: per key 10/s burst, 60/min and 1,000/h on the standard plan (Smartlead rate-limits
        /// guide). The client paces at the per-minute rate so a long run does not outrun the minute window.
        /// </summary>
        public static PlatformInfo Smartlead { get; } = new PlatformInfo(
            Platform.Smartlead, "Smartlead", new Uri("https://server.smartlead.ai/api/v1/"), "SMARTLEAD_API_KEY", 1);

        /// <summary>Outbox (getoutbox.ai): no rate limit is documented, so the client does not pace itself (429s are still honoured).</summary>
        public static PlatformInfo Outbox { get; } = new PlatformInfo(
            Platform.Outbox, "Outbox", new Uri("https://api.getoutbox.ai/"), "OUTBOX_API_KEY", 0);

        /// <summary>Tether SMS: every customer runs an instance of their own, so there is no default address; no rate limit is documented.</summary>
        public static PlatformInfo Sms { get; } = new PlatformInfo(
            Platform.Sms, "SMS (Tether)", null, "SMS_API_TOKEN", 0, "Sms");

        /// <summary>The platform this describes.</summary>
        public Platform Platform { get; }

        /// <summary>Prefix of every ErrorId for the platform, e.g. "Loops" in LoopsCampaignNotDraft.</summary>
        public string ErrorIdPrefix { get; }

        /// <summary>Name used in messages, WhatIf text and as the ErrorId prefix.</summary>
        public string DisplayName { get; }

        /// <summary>The public API root, or null where every customer has an instance of their own.</summary>
        public Uri? DefaultBaseUri { get; }

        /// <summary>The cmdlet that connects to the platform, named in advice.</summary>
        public string ConnectCommand => Platform == Platform.Sms ? "Connect-SmsPlatform" : "Connect-" + ErrorIdPrefix;

        /// <summary>The environment variable read when no key is given.</summary>
        public string ApiKeyEnvironmentVariable { get; }

        /// <summary>
        /// How long to wait after a 429 that names no wait (Loops sends neither Retry-After nor a reset
        /// time): the length of the documented limit's window.
        /// </summary>
        public TimeSpan RateLimitWindow { get; } = TimeSpan.FromSeconds(1);

        /// <summary>The documented request rate the client limiter starts from; 0 when none is documented.</summary>
        public double DocumentedRequestsPerSecond { get; }

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
}
