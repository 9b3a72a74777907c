using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>
/// <para type="synopsis">Connects to your Tether instance for SMS campaigns and makes the connection the session default.</para>
/// <para type="description">-BaseUri is your instance's address (or $env:SMS_BASE_URI). Two ways in. A fixed token: a bearer JWT from -Token (-ApiKey), -Credential (a PSCredential whose password is the JWT) or $env:SMS_API_TOKEN; when it expires, Tether answers 401 (SmsUnauthorized) and the run stops. A sign-in, for runbooks: -SignInCredential, a PSCredential whose user name is the account's e-mail address and whose password is its password (Get-Credential, or Get-Secret of a SecretManagement credential). The module signs in (POST /api/auth/login), renews the token a minute before it expires and after a 401 (POST /api/auth/refresh), and signs in again when the refresh is refused, so a long run never needs to reconnect; a refused sign-in is SmsSignInRefused. The connection is checked with GET /api/campaigns unless -SkipKeyCheck (then the sign-in happens on the first request). Password and tokens never appear in any output, log or error.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: connect to your Tether instance with a JWT kept in SecretManagement.</para>
/// <code>
/// Connect-SmsPlatform -BaseUri https://your-instance.example.com -Token (Get-Secret TetherJwt)
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: take the address and token from $env:SMS_BASE_URI and $env:SMS_API_TOKEN; a token that expired ends the runbook with SmsUnauthorized.</para>
/// <code>
/// $env:SMS_BASE_URI = 'https://your-instance.example.com'
/// $env:SMS_API_TOKEN = Get-AutomationVariable -Name TetherJwt
/// Connect-SmsPlatform -ErrorAction Stop
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: sign in with the account's e-mail and password kept in SecretManagement (or an Azure Automation credential); the token is renewed as it expires.</para>
/// <code>
/// Connect-SmsPlatform -BaseUri https://your-instance.example.com -SignInCredential (Get-Secret TetherLogin)
/// Get-SmsCampaign | Where-Object Status -eq 'draft'
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: rehearse against the local sandbox (dotnet run --project src/CampaignPS.Sandbox -- --port 5757).</para>
/// <code>
/// $token = ConvertTo-SecureString sandbox-sms-token -AsPlainText -Force
/// Connect-SmsPlatform -BaseUri http://127.0.0.1:5757/sms/ -Token $token
/// </code>
/// </example>
/// <seealso cref="DisconnectSmsPlatformCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
/// <seealso cref="NewSmsCampaignCommand"/>
[Cmdlet(VerbsCommunications.Connect, "SmsPlatform", DefaultParameterSetName = "ApiKey")]
[OutputType(typeof(CampaignConnection))]
public sealed class ConnectSmsPlatformCommand : ConnectCmdlet<SmsClient>
{
    private const string SignInSet = "SignIn";

    /// <summary>
    /// <para type="description">Sign in with an account instead of a fixed token: the user name is the account's e-mail address, the password its password. The token this gives is renewed before it expires. Not the same as -Credential, whose password is a token.</para>
    /// </summary>
    [Parameter(ParameterSetName = SignInSet, Mandatory = true)]
    [Credential]
    [ValidateNotNull]
    [Alias("LoginCredential")]
    public PSCredential? SignInCredential { get; set; }

    /// <inheritdoc />
    protected override (string Source, string Parameter, Func<ApiSecret?> Read)? OwnKeySource()
    {
        if (SignInCredential == null)
        {
            return null;
        }

        System.Security.SecureString password = SignInCredential.Password;
        return ("SignInCredential", "the password of -SignInCredential", () => ApiSecret.PasswordFromSecureString(password));
    }

    /// <summary>Read when -BaseUri is not given.</summary>
    public const string BaseUriVariable = "SMS_BASE_URI";

    /// <inheritdoc />
    protected override SmsClient CreateClient(ApiConnectionOptions options)
    {
        if (options.BaseUri == null)
        {
            // Tether has no public address: say where the address comes from, and do not silently skip a malformed variable.
            string? fromEnvironment = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (string.IsNullOrWhiteSpace(fromEnvironment))
            {
                throw new InputValidationException("SmsInvalidBaseUri", "BaseUri",
                    $"SMS (Tether) has no public API address. Give the address of your instance with -BaseUri (e.g. https://your-instance.example.com) or set $env:{BaseUriVariable}.");
            }

            if (!Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out Uri? instance))
            {
                throw new InputValidationException("SmsInvalidBaseUri", "BaseUri",
                    $"$env:{BaseUriVariable} is not an absolute address. Set it to your instance's address, e.g. https://your-instance.example.com, or give -BaseUri.");
            }

            options.BaseUri = instance;
        }

        // The sign-in's password is the connection's secret: it goes only into the sign-in body, never a header.
        return SignInCredential != null ? SmsClient.ForSignIn(options, SignInCredential.UserName) : new SmsClient(options);
    }
}
