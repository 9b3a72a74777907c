namespace CampaignPS.Engine.Platforms;

/// <summary>
/// What every platform client shares: the connection's one <see cref="ApiTransport"/> (HttpClient,
/// authentication, pacing, retries), the clock that schedule checks read, and disposal. Each platform's
/// client adds only its own operations.
/// </summary>
public abstract class PlatformClient : IPlatformClient
{
    private protected PlatformClient(PlatformInfo platform, ApiConnectionOptions options, IRequestAuthenticator authenticator, Func<DateTimeOffset>? now = null)
    {
        Info = platform;
        Transport = new ApiTransport(platform, options ?? throw new ArgumentNullException(nameof(options)), authenticator);
        Now = now ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>The platform the client talks to.</summary>
    private protected PlatformInfo Info { get; }

    /// <summary>The API root in use.</summary>
    public Uri BaseUri => Transport.BaseUri;

    /// <summary>The connection's request pacing (shared by every caller of this client); null when client-side limiting is off.</summary>
    public RequestRateLimiter? RateLimiter => Transport.RateLimiter;

    /// <summary>The connection's HTTP mechanics.</summary>
    private protected ApiTransport Transport { get; }

    /// <summary>The clock that checks such as "the schedule is in the future" read (fixed in tests).</summary>
    private protected Func<DateTimeOffset> Now { get; }

    /// <summary>The client's clock read now (what readiness checks measure "in the future" against).</summary>
    internal DateTimeOffset UtcNow => Now();

    /// <inheritdoc />
    ApiTransport IPlatformClient.Transport => Transport;

    /// <inheritdoc />
    Task<string?> IPlatformClient.CheckKeyAsync(CancellationToken cancellationToken) => CheckKeyAsync(cancellationToken);

    /// <summary>Makes the cheapest authenticated call the platform has; returns the account name when it reports one.</summary>
    private protected abstract Task<string?> CheckKeyAsync(CancellationToken cancellationToken);

    /// <summary>Closes the connection's HttpClient.</summary>
    public virtual void Dispose() => Transport.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{Info.DisplayName} ({UrlRedactor.Redact(BaseUri)})";
}
