using CampaignPS.Engine.Outbox;

namespace CampaignPS.Cmdlets.Outbox;

/// <summary>
/// <para type="synopsis">Closes the Outbox connection (the session default, or the one given).</para>
/// <para type="description">Forgets the session default for Outbox, or closes the connection given with -Connection or piped in (for example from Get-CampaignConnection), and releases its HTTP connection. Cmdlets that still hold a closed connection end with OutboxConnectionClosed until Connect-Outbox runs again. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: close the session's Outbox connection.</para>
/// <code>
/// Disconnect-Outbox
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: always close the connection the runbook opened, even when the contact import fails.</para>
/// <code>
/// $outbox = Connect-Outbox -PassThru
/// try {
///     Import-Csv contacts.csv | Add-OutboxContact -Connection $outbox
/// }
/// finally {
///     Disconnect-Outbox -Connection $outbox
/// }
/// </code>
/// </example>
/// <seealso cref="ConnectOutboxCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsCommunications.Disconnect, "Outbox")]
public sealed class DisconnectOutboxCommand : DisconnectCmdlet<OutboxClient>
{
}
