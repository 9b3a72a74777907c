using CampaignPS.Engine.Outbox;

namespace CampaignPS.Cmdlets.Outbox;

/// <summary>
/// <para type="synopsis">Connects to the Outbox (getoutbox.ai) API and makes the connection the session default.</para>
/// <para type="description">Takes the key from -ApiKey, -Credential or $env:OUTBOX_API_KEY. -Company sets the company (uuid) that New-OutboxCampaign and New-OutboxSender use when they are not given one. Outbox documents no endpoint to test a key with, so the key is checked by the first call.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: connect with a key kept in SecretManagement and set the company that New-OutboxCampaign and New-OutboxSender use.</para>
/// <code>
/// Connect-Outbox -ApiKey (Get-Secret OutboxKey) -Company 3c90c3cc-0d44-4b50-8888-8dd25736052a
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: read the key from $env:OUTBOX_API_KEY, filled from encrypted automation variables, then import contacts.</para>
/// <code>
/// $env:OUTBOX_API_KEY = Get-AutomationVariable -Name OutboxKey
/// Connect-Outbox -Company (Get-AutomationVariable -Name OutboxCompany) -ErrorAction Stop
/// Import-Csv contacts.csv | Add-OutboxContact -LeadSource Import
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: rehearse against the local sandbox (dotnet run --project src/CampaignPS.Sandbox -- --port 5757).</para>
/// <code>
/// $key = ConvertTo-SecureString sandbox-outbox-key -AsPlainText -Force
/// Connect-Outbox -ApiKey $key -BaseUri http://127.0.0.1:5757/outbox/ -Company 3c90c3cc-0d44-4b50-8888-8dd25736052a
/// </code>
/// </example>
/// <seealso cref="DisconnectOutboxCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
/// <seealso cref="NewOutboxCampaignCommand"/>
/// <seealso cref="AddOutboxContactCommand"/>
[Cmdlet(VerbsCommunications.Connect, "Outbox", DefaultParameterSetName = "ApiKey")]
[OutputType(typeof(CampaignConnection))]
public sealed class ConnectOutboxCommand : ConnectCmdlet<OutboxClient>
{
    /// <summary><para type="description">The default company (uuid) for campaigns and senders.</para></summary>
    [Parameter]
    public Guid? Company { get; set; }

    /// <inheritdoc />
    protected override OutboxClient CreateClient(ApiConnectionOptions options) => new OutboxClient(options, Company);
}
