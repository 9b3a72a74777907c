using CampaignPS.Engine.Loops;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Connects to the Loops API and makes the connection the session default.</para>
/// <para type="description">Takes the key from -ApiKey, -Credential or $env:LOOPS_API_KEY (in that order), checks it (GET /api-key) unless -SkipKeyCheck, and keeps one reused HTTP connection. The key is never shown.</para>
/// <para type="description">The connection becomes the session default that every Loops cmdlet uses; -PassThru also returns it, for -Connection or for several teams side by side. Requests are paced to Loops' documented 10 per second, and 429 answers are waited out as the rate-limit headers ask. A rejected key ends the command with LoopsUnauthorized; no key at all with LoopsApiKeyMissing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: connect with a key kept in SecretManagement (Get-Secret returns a SecureString).</para>
/// <code>
/// Connect-Loops -ApiKey (Get-Secret LoopsKey)
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: read the key from $env:LOOPS_API_KEY, filled from an encrypted automation variable, and stop the runbook if Loops rejects it.</para>
/// <code>
/// $env:LOOPS_API_KEY = Get-AutomationVariable -Name LoopsKey
/// Connect-Loops -ErrorAction Stop
/// Import-Csv campaigns.csv | New-LoopsCampaign
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: rehearse against the local sandbox (dotnet run --project src/CampaignPS.Sandbox -- --port 5757); plain http is allowed for loopback addresses only.</para>
/// <code>
/// $key = ConvertTo-SecureString sandbox-loops-key -AsPlainText -Force
/// Connect-Loops -ApiKey $key -BaseUri http://127.0.0.1:5757/loops/api/v1 -PassThru
/// </code>
/// </example>
/// <seealso cref="DisconnectLoopsCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsCampaignCommand"/>
[Cmdlet(VerbsCommunications.Connect, "Loops", DefaultParameterSetName = "ApiKey")]
[OutputType(typeof(CampaignConnection))]
public sealed class ConnectLoopsCommand : ConnectCmdlet<LoopsClient>
{
    /// <inheritdoc />
    protected override LoopsClient CreateClient(ApiConnectionOptions options) => new LoopsClient(options);
}
