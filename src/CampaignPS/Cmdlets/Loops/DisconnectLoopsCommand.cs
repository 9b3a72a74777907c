using CampaignPS.Engine.Loops;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Closes the Loops connection (the session default, or the one given).</para>
/// <para type="description">Forgets the session default for Loops, or closes the connection given with -Connection or piped in (for example from Get-CampaignConnection), and releases its HTTP connection. Cmdlets that still hold a closed connection end with LoopsConnectionClosed until Connect-Loops runs again. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: close the session's Loops connection.</para>
/// <code>
/// Disconnect-Loops
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: always close the connection the runbook opened, even when the bulk run fails.</para>
/// <code>
/// $loops = Connect-Loops -PassThru
/// try {
///     Import-Csv campaigns.csv | New-LoopsCampaign -Connection $loops
/// }
/// finally {
///     Disconnect-Loops -Connection $loops
/// }
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: close every Loops connection of the session.</para>
/// <code>
/// Get-CampaignConnection -Platform Loops | Disconnect-Loops
/// </code>
/// </example>
/// <seealso cref="ConnectLoopsCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsCommunications.Disconnect, "Loops")]
public sealed class DisconnectLoopsCommand : DisconnectCmdlet<LoopsClient>
{
}
