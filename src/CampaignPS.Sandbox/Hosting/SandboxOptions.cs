using System.Runtime.CompilerServices;

namespace CampaignPS.Sandbox;

public sealed class SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; } = 0;

    /// <summary>Apply the providers' documented rate limits (and send their rate-limit headers).</summary>
    public bool EnforceRateLimits { get; set; } = true;

    public int LoopsRequestsPerSecond { get; set; } = 10;

    public string LoopsApiKey { get; set; } = SandboxServer.DefaultLoopsApiKey;

    public string SmartleadApiKey { get; set; } = SandboxServer.DefaultSmartleadApiKey;

    public string OutboxApiKey { get; set; } = SandboxServer.DefaultOutboxApiKey;

    /// <summary>The bearer token the SMS (Tether) sandbox accepts (a JWT in reality).</summary>
    public string SmsToken { get; set; } = SandboxServer.DefaultSmsToken;

    /// <summary>Smartlead's burst limit per API key (standard plan: 10/s).</summary>
    public int SmartleadRequestsPerSecond { get; set; } = 10;

    /// <summary>Smartlead's per-minute limit per API key (standard plan: 60).</summary>
    public int SmartleadRequestsPerMinute { get; set; } = 60;

    /// <summary>Smartlead's hourly limit per API key (standard plan: 1000).</summary>
    public int SmartleadRequestsPerHour { get; set; } = 1000;

    /// <summary>Added to every platform response (for benchmarks).</summary>
    public TimeSpan ResponseLatency { get; set; } = TimeSpan.Zero;

    /// <summary>A validated copy, so that changing the caller's object after start has no effect.</summary>
    internal SandboxOptions ValidatedCopy()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 and 65535.");
        }
        AtLeastOne(LoopsRequestsPerSecond);
        NotEmpty(LoopsApiKey);
        NotEmpty(SmartleadApiKey);
        NotEmpty(OutboxApiKey);
        NotEmpty(SmsToken);
        AtLeastOne(SmartleadRequestsPerSecond);
        AtLeastOne(SmartleadRequestsPerMinute);
        AtLeastOne(SmartleadRequestsPerHour);
        if (ResponseLatency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseLatency), ResponseLatency, "ResponseLatency must not be negative.");
        }
        return (SandboxOptions)MemberwiseClone();
    }

    private static void AtLeastOne(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }

    private static void NotEmpty(string value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
    }
}
