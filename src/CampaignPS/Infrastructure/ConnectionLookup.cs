namespace CampaignPS.Infrastructure;

/// <summary>
/// Which connection a command uses for one platform: the one it was given, else the session default. Runs on the
/// pipeline thread (the default is kept per runspace). When there is none to use, the refusal is the ErrorRecord that
/// ends the command: not connected, a connection of another platform, or a closed one.
/// </summary>
internal static class ConnectionLookup
{
    /// <summary>True with the connection to use; false with the refusal (<paramref name="connection"/> is then not to be used).</summary>
    public static bool TryFind(PlatformInfo platform, CampaignConnection? given, out CampaignConnection connection, out ErrorRecord refusal)
    {
        CampaignConnection? found = given ?? ConnectionRegistry.GetDefault(platform.Platform);
        ErrorRecord? refused = Refusal(platform, found);
        connection = found!;
        refusal = refused!;
        return refused == null;
    }

    private static ErrorRecord? Refusal(PlatformInfo platform, CampaignConnection? connection)
    {
        if (connection == null)
        {
            return new ErrorRecord(
                new InvalidOperationException($"Not connected to {platform.DisplayName}. Run {platform.ConnectCommand} first (it reads -ApiKey, -Credential or ${platform.ApiKeyEnvironmentVariable}), or pass -Connection."),
                platform.ErrorIdPrefix + "NotConnected", ErrorCategory.AuthenticationError, null);
        }

        if (connection.Platform != platform.Platform)
        {
            return new ErrorRecord(
                new ArgumentException($"-Connection is a {connection.Platform} connection; this cmdlet needs a {platform.DisplayName} connection from {platform.ConnectCommand}."),
                platform.ErrorIdPrefix + "WrongConnection", ErrorCategory.InvalidArgument, connection);
        }

        return connection.IsOpen ? null : ErrorRecordFactory.Create(new ConnectionClosedException(platform), connection, platform, out _);
    }
}
