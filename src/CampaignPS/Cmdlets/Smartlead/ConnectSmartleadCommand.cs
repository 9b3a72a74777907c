using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Connects to the Smartlead API and makes the connection the session default.</para>
/// <para type="description">Takes the key from -ApiKey, -Credential or $env:SMARTLEAD_API_KEY and checks it unless -SkipKeyCheck. Smartlead expects the key in the query string (?api_key=); every URL CampaignPS logs or reports has it masked. Requests are paced to the plan's limits (-Plan; Standard by default: 10 per second, 60 per minute, 1,000 per hour) and follow the server's rate-limit headers; -RequestsPerSecond overrides the pacing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: connect with a key kept in SecretManagement, paced to the Pro plan's limits (20 per second, 120 per minute, 3,000 per hour).</para>
/// <code>
/// Connect-Smartlead -ApiKey (Get-Secret SmartleadKey) -Plan Pro
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: read the key from $env:SMARTLEAD_API_KEY and keep the connection object, which a parallel loop needs because the session default is kept per runspace.</para>
/// <code>
/// $smartlead = Connect-Smartlead -PassThru -ErrorAction Stop
/// Import-Csv campaigns.csv | ForEach-Object -Parallel {
///     Get-SmartleadCampaign -CampaignId $_.campaign_id -Connection $using:smartlead
/// } -ThrottleLimit 2
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: rehearse against the local sandbox (dotnet run --project src/CampaignPS.Sandbox -- --port 5757).</para>
/// <code>
/// $key = ConvertTo-SecureString sandbox-smartlead-key -AsPlainText -Force
/// Connect-Smartlead -ApiKey $key -BaseUri http://127.0.0.1:5757/smartlead/api/v1
/// </code>
/// </example>
/// <seealso cref="DisconnectSmartleadCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="GetSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommunications.Connect, "Smartlead", DefaultParameterSetName = "ApiKey")]
[OutputType(typeof(CampaignConnection))]
public sealed class ConnectSmartleadCommand : ConnectCmdlet<SmartleadClient>
{
    /// <summary><para type="description">Your Smartlead plan, whose limits the connection keeps to: Standard (10/s, 60/min, 1,000/h; the default), Pro (20/s, 120/min, 3,000/h) or Enterprise (no client-side pacing; the server's headers are followed). -RequestsPerSecond overrides it.</para></summary>
    [Parameter]
    public SmartleadPlan? Plan { get; set; }

    /// <inheritdoc />
    protected override SmartleadClient CreateClient(ApiConnectionOptions options)
    {
        if (Plan.HasValue && options.RequestsPerSecond == null)
        {
            options.RateLimits = PlatformInfo.SmartleadLimits(Plan.Value);
        }

        return new SmartleadClient(options);
    }
}
