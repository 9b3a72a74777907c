using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>
/// <para type="synopsis">Connects to your Tether instance for SMS campaigns and makes the connection the session default.</para>
/// <para type="description">-BaseUri is your instance's address (or $env:SMS_BASE_URI). The token is a bearer JWT from -Token (-ApiKey), -Credential or $env:SMS_API_TOKEN; it is checked with GET /api/campaigns unless -SkipKeyCheck. When it expires, Tether answers 401 and the run stops: connect again with a fresh token.</para>
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

        return new SmsClient(options);
    }
}
