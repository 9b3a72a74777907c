namespace CampaignPS.Connections;

/// <summary>
/// <para type="synopsis">Lists the connections made in this session with Connect-*: platform, address, where the key came from, rate limits and which one is the default. Never the key.</para>
/// <para type="description">Shows the connections Connect-Loops, Connect-Smartlead, Connect-Outbox and Connect-SmsPlatform made in this session (this runspace): platform, API address, where the key came from, the client-side rate limits, the proxy, and whether it is the session default that cmdlets use without -Connection. The key itself is never part of the output. Connections pipe into the Disconnect-* cmdlets.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list the connections of the session.</para>
/// <code>
/// Get-CampaignConnection
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: connect only when there is no Smartlead default yet, then import leads.</para>
/// <code>
/// if (-not (Get-CampaignConnection -Platform Smartlead -Default)) {
///     Connect-Smartlead -ErrorAction Stop
/// }
/// Import-Csv leads.csv | Add-SmartleadLead -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: close every Loops connection of the session.</para>
/// <code>
/// Get-CampaignConnection -Platform Loops | Disconnect-Loops
/// </code>
/// </example>
/// <seealso cref="CampaignPS.Cmdlets.Loops.ConnectLoopsCommand"/>
/// <seealso cref="CampaignPS.Cmdlets.Smartlead.ConnectSmartleadCommand"/>
/// <seealso cref="CampaignPS.Cmdlets.Outbox.ConnectOutboxCommand"/>
/// <seealso cref="CampaignPS.Cmdlets.Sms.ConnectSmsPlatformCommand"/>
[Cmdlet(VerbsCommon.Get, "CampaignConnection")]
[OutputType(typeof(CampaignConnection))]
public sealed class GetCampaignConnectionCommand : CampaignCmdlet
{
    /// <summary><para type="description">Only connections to these platforms.</para></summary>
    [Parameter(Position = 0)]
    public Platform[]? Platform { get; set; }

    /// <summary><para type="description">Only the session defaults (what cmdlets use without -Connection).</para></summary>
    [Parameter]
    public SwitchParameter Default { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        foreach (CampaignConnection connection in ConnectionRegistry.All()
            .Where(c => Platform == null || Platform.Contains(c.Platform))
            .Where(c => !Default.IsPresent || c.IsDefault))
        {
            WriteObject(connection);
        }
    }
}
