using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Closes the Smartlead connection (the session default, or the one given).</para>
/// <para type="description">Forgets the session default for Smartlead, or closes the connection given with -Connection or piped in (for example from Get-CampaignConnection), and releases its HTTP connection. Cmdlets that still hold a closed connection end with SmartleadConnectionClosed until Connect-Smartlead runs again. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: close the session's Smartlead connection.</para>
/// <code>
/// Disconnect-Smartlead
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: always close the connection the runbook opened, even when the lead import fails.</para>
/// <code>
/// $smartlead = Connect-Smartlead -PassThru
/// try {
///     Import-Csv leads.csv | Add-SmartleadLead -CampaignId 125 -Connection $smartlead
/// }
/// finally {
///     Disconnect-Smartlead -Connection $smartlead
/// }
/// </code>
/// </example>
/// <seealso cref="ConnectSmartleadCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsCommunications.Disconnect, "Smartlead")]
public sealed class DisconnectSmartleadCommand : DisconnectCmdlet<SmartleadClient>
{
}
