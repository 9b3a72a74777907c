namespace CampaignPS.Connections;

/// <summary>A cmdlet used a connection that Disconnect-* (or Remove-Module) closed.</summary>
public sealed class ConnectionClosedException : InvalidOperationException
{
    /// <summary>Creates the exception for a closed connection of <paramref name="platform"/>.</summary>
    public ConnectionClosedException(PlatformInfo platform)
        : base($"This {platform.DisplayName} connection was closed (by {platform.DisconnectCommand} or Remove-Module). Run {platform.ConnectCommand} again.")
    {
        Platform = platform;
    }

    /// <summary>The platform of the closed connection.</summary>
    public PlatformInfo Platform { get; }
}
