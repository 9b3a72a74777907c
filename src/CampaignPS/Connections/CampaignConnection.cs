using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Outbox;
using CampaignPS.Engine.Smartlead;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Connections;

/// <summary>
/// A connection made by a Connect-* cmdlet: which platform, where, and the engine client that
/// holds the one reused HttpClient. It never exposes the key: no property, ToString or
/// formatting view shows it. Pass it to -Connection, or let cmdlets use the session default.
/// </summary>
public sealed class CampaignConnection : IDisposable
{
    private readonly IPlatformClient _client;
    private bool _closed;

    internal CampaignConnection(Platform platform, IPlatformClient client, string keySource)
    {
        Platform = platform;
        BaseUri = client.BaseUri;
        _client = client;
        KeySource = keySource;
        ConnectedAt = DateTimeOffset.Now;
        Id = Guid.NewGuid().ToString("N").Substring(0, 8);
    }

    /// <summary>A short id that tells connections apart.</summary>
    public string Id { get; }

    /// <summary>The platform.</summary>
    public Platform Platform { get; }

    /// <summary>The API root in use.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where the key came from: ApiKey, Credential or the environment variable's name (never the key).</summary>
    public string KeySource { get; }

    /// <summary>When the connection was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Team or account name the platform reported, when it reports one.</summary>
    public string? Account { get; internal set; }

    /// <summary>True when it is the session default for its platform (as of the last Get-CampaignConnection).</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>The client-side rate limits the connection keeps to, e.g. "10 per 1 s"; empty when it does not pace itself.</summary>
    public string RateLimits => (_client.Transport.RateLimiter?.ToString()) ?? string.Empty;

    /// <summary>The proxy requests go through, if any (without credentials).</summary>
    public Uri? Proxy { get; internal set; }

    /// <summary>False once Disconnect-* closed it.</summary>
    public bool IsOpen => !_closed;

    internal LoopsClient Loops => Client<LoopsClient>();

    internal IPlatformClient PlatformClient => Client<IPlatformClient>();

    internal SmartleadClient Smartlead => Client<SmartleadClient>();

    internal OutboxClient Outbox => Client<OutboxClient>();

    internal SmsClient Sms => Client<SmsClient>();

    internal T Client<T>()
        where T : class
    {
        if (_closed)
        {
            throw new ConnectionClosedException(PlatformInfo.For(Platform));
        }

        return _client as T ?? throw new InvalidOperationException($"This is a {Platform} connection, not one for {typeof(T).Name}.");
    }

    /// <summary>Closes the connection and its HttpClient.</summary>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _client.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Platform} {Id} ({BaseUri})";
}
