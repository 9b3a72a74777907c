using System.Security;
using CampaignPS.Engine.Logging;

namespace CampaignPS.Connections;

/// <summary>
/// What every Connect-* cmdlet does: take the key from -ApiKey, -Credential or the platform's
/// environment variable (in that order), build the engine client, check the key, and make the
/// connection the session default.
/// </summary>
/// <typeparam name="TClient">The engine client the connection holds.</typeparam>
public abstract class ConnectCmdlet<TClient> : CampaignCmdlet
    where TClient : class, IPlatformClient
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";

    /// <summary>
    /// <para type="description">The API key as a SecureString, e.g. (Get-Secret LoopsKey) or (Read-Host -AsSecureString). When neither -ApiKey nor -Credential is given, the platform's environment variable is read.</para>
    /// </summary>
    [Parameter(ParameterSetName = ApiKeySet, Position = 0)]
    [ValidateNotNull]
    [Alias("Token")]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// <para type="description">A credential whose password is the API key (the user name is ignored).</para>
    /// </summary>
    [Parameter(ParameterSetName = CredentialSet, Mandatory = true)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// <para type="description">The API root, e.g. the sandbox (http://127.0.0.1:5757/loops/api/v1) or a proxy. Must be https except for loopback addresses.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// <para type="description">Requests per second this connection allows itself (0 turns client-side pacing off). Defaults to the platform's documented limit.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 10000)]
    public double? RequestsPerSecond { get; set; }

    /// <summary>
    /// <para type="description">Seconds one request may take before it counts as timed out. Default 100.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 100;

    /// <summary>
    /// <para type="description">How long one request may keep being refused with 429 (rate limited), waits included, before it is reported as &lt;Platform&gt;RateLimited. Default 300 seconds. Waits of 5 seconds or more are shown as warnings.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int MaxRetryWaitSec { get; set; } = 300;

    /// <summary>
    /// <para type="description">A proxy to send every request through, e.g. http://proxy.example.com:8080.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>
    /// <para type="description">Credentials for the proxy, when it asks for them.</para>
    /// </summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>
    /// <para type="description">Answer the proxy with the signed-in user's credentials (Windows integrated authentication).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>
    /// <para type="description">Connect without checking the key against the API first.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter SkipKeyCheck { get; set; }

    /// <summary>
    /// <para type="description">Return the connection object, for -Connection or for several accounts side by side.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The platform being connected to.</summary>
    protected PlatformInfo Platform => ClientPlatforms.Of(typeof(TClient));

    /// <summary>A platform's own way to give the secret (a sign-in's password), tried before -ApiKey; null when not used.</summary>
    protected virtual (string Source, string Parameter, Func<ApiSecret?> Read)? OwnKeySource() => null;

    /// <summary>Builds the platform's engine client.</summary>
    protected abstract TClient CreateClient(ApiConnectionOptions options);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        (ApiSecret secret, string source) = ResolveKey();
        var options = new ApiConnectionOptions(secret)
        {
            BaseUri = BaseUri,
            RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
            RequestsPerSecond = RequestsPerSecond,
            Proxy = Proxy,
            ProxyCredentials = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials.IsPresent,
        };
        options.ToPipeline().Retry.MaxRateLimitWait = TimeSpan.FromSeconds(MaxRetryWaitSec);

        TClient client;
        try
        {
            client = CreateClient(options);
        }
        catch (InputValidationException invalid)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(invalid, BaseUri, Platform, out _));
            return;
        }

        string? account = null;
        if (!SkipKeyCheck.IsPresent)
        {
            try
            {
                account = Await(client.CheckKeyAsync);
            }
            catch (Exception exception) when (ErrorRecordFactory.IsReportable(exception))
            {
                client.Dispose();
                ErrorRecord record = ErrorRecordFactory.Create(exception, null, Platform, out _);
                ThrowTerminatingError(record);
            }
        }

        var connection = new CampaignConnection(Platform.Platform, client, source) { Account = account, Proxy = Proxy == null ? null : new UriBuilder(Proxy) { UserName = string.Empty, Password = string.Empty }.Uri };
        ConnectionRegistry.Add(connection);
        WriteVerbose($"Connected to {Platform.DisplayName} at {client.BaseUri} (key from {source}).");
        if (PassThru.IsPresent)
        {
            WriteObject(connection);
        }
    }

    private (ApiSecret Secret, string Source) ResolveKey()
    {
        (string source, string parameter, Func<ApiSecret?> read) = KeySource();
        try
        {
            ApiSecret? secret = read();
            if (secret != null)
            {
                return (secret, source);
            }
        }
        catch (InvalidApiSecretException invalid)
        {
            // Says what is wrong and where the key came from; the key itself is never shown.
            ThrowTerminatingError(new ErrorRecord(invalid, Platform.ErrorIdPrefix + "InvalidApiKey", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails($"The {Platform.DisplayName} API key from {parameter} {invalid.Problem}. Copy the key again (without quotes or line breaks) and pass it as a SecureString.")
                {
                    RecommendedAction = $"Correct {parameter} and run {Platform.ConnectCommand} again.",
                },
            });
        }
        catch (ArgumentException empty)
        {
            ThrowTerminatingError(new ErrorRecord(empty, Platform.ErrorIdPrefix + "ApiKeyMissing", ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails($"The {Platform.DisplayName} API key from {parameter} is empty. Pass a key, or set ${Platform.ApiKeyEnvironmentVariable}."),
            });
        }

        ThrowTerminatingError(new ErrorRecord(
            new ArgumentException($"No {Platform.DisplayName} API key. Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString), -Credential, or set ${Platform.ApiKeyEnvironmentVariable}."),
            Platform.ErrorIdPrefix + "ApiKeyMissing", ErrorCategory.AuthenticationError, null));
        throw new InvalidOperationException("unreachable");
    }

    // Where the key comes from, in order: -ApiKey, -Credential, the environment variable.
    private (string Source, string Parameter, Func<ApiSecret?> Read) KeySource()
    {
        if (OwnKeySource() is { } own)
        {
            return own;
        }

        if (ApiKey != null)
        {
            SecureString key = ApiKey;
            return ("ApiKey", "-ApiKey", () => ApiSecret.FromSecureString(key));
        }

        if (Credential != null)
        {
            SecureString password = Credential.Password;
            return ("Credential", "the password of -Credential", () => ApiSecret.FromSecureString(password));
        }

        string variable = Platform.ApiKeyEnvironmentVariable;
        return ("$env:" + variable, "$env:" + variable, () => ApiSecret.FromEnvironment(variable));
    }
}

/// <summary>What every Disconnect-* cmdlet does: forget the session default (or the given connection) and close it.</summary>
/// <typeparam name="TClient">The engine client of the platform's connections.</typeparam>
public abstract class DisconnectCmdlet<TClient> : CampaignCmdlet
    where TClient : class, IPlatformClient
{
    /// <summary>
    /// <para type="description">The connection to close. Defaults to the session default for the platform.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public CampaignConnection? Connection { get; set; }

    /// <summary>The platform being disconnected from.</summary>
    protected PlatformInfo Platform => ClientPlatforms.Of(typeof(TClient));

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        CampaignConnection? target = Connection;
        if (target == null)
        {
            target = ConnectionRegistry.RemoveDefault(Platform.Platform);
        }
        else if (ConnectionRegistry.GetDefault(Platform.Platform) == target)
        {
            ConnectionRegistry.RemoveDefault(Platform.Platform);
        }

        if (target == null)
        {
            WriteVerbose($"No {Platform.DisplayName} connection to close.");
            return;
        }

        target.Dispose();
        WriteVerbose($"Disconnected {target}.");
    }
}
