namespace CampaignPS.Infrastructure;

/// <summary>
/// Base of the cmdlets that call a platform: adds -Connection, finds the session default otherwise,
/// and hands the connection's client to the work methods (<see cref="ProcessRecordWith"/>,
/// <see cref="EndProcessingWith"/>), so no cmdlet reads a connection that is not resolved yet.
/// </summary>
/// <typeparam name="TClient">The engine client the cmdlet calls (LoopsClient, SmartleadClient, ...).</typeparam>
public abstract partial class PlatformCmdlet<TClient> : CampaignCmdlet
    where TClient : class, IPlatformClient
{
    private TClient? _client;

    /// <summary>
    /// <para type="description">The connection to use (from Connect-* -PassThru). Defaults to the session's last Connect-* for this platform.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public CampaignConnection? Connection { get; set; }

    /// <summary>The platform this cmdlet calls; by default the one <typeparamref name="TClient"/> belongs to.</summary>
    protected virtual PlatformInfo Platform => ClientPlatforms.Of(typeof(TClient));

    /// <inheritdoc />
    protected sealed override PlatformInfo? ReportingPlatform => Platform;

    /// <summary>
    /// Finds the connection on the pipeline thread: the session default is kept per runspace, and
    /// engine work runs on pool threads that have no runspace.
    /// </summary>
    protected sealed override void BeginProcessing()
    {
        base.BeginProcessing();
        _client = Resolve().Client<TClient>();
        BeganWith(_client);
    }

    /// <summary>Runs once the connection is resolved, before the first record (only the command line's parameters are bound).</summary>
    private protected virtual void BeganWith(TClient client)
    {
    }

    /// <inheritdoc />
    protected sealed override void ProcessRecord() => ProcessRecordWith(Client);

    /// <inheritdoc />
    protected sealed override void EndProcessing() => EndProcessingWith(Client);

    /// <summary>Handles one input record with the connection's client.</summary>
    protected virtual void ProcessRecordWith(TClient client)
    {
    }

    /// <summary>Runs once after the last input record, with the connection's client.</summary>
    protected virtual void EndProcessingWith(TClient client)
    {
    }

    /// <summary>The resolved connection's HTTP mechanics (its pace and latency size the work a bulk cmdlet keeps in flight).</summary>
    private protected ApiTransport Transport => Client.Transport;

    private TClient Client => _client ?? throw new InvalidOperationException("The connection is resolved in BeginProcessing.");

    private CampaignConnection Resolve()
    {
        if (!ConnectionLookup.TryFind(Platform, Connection, out CampaignConnection connection, out ErrorRecord refusal))
        {
            ThrowTerminatingError(refusal);
        }

        return connection;
    }
}
