namespace CampaignPS.Engine.Platforms;

/// <summary>What every platform client offers besides its own operations.</summary>
public interface IPlatformClient : IDisposable
{
    /// <summary>The API root in use.</summary>
    Uri BaseUri { get; }

    /// <summary>Makes the cheapest authenticated call the platform has; returns the account name when it reports one.</summary>
    Task<string?> CheckKeyAsync(CancellationToken cancellationToken);

    /// <summary>The connection's HTTP mechanics, for requests to endpoints no client method wraps.</summary>
    ApiTransport Transport { get; }
}
