using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>
/// <para type="synopsis">Closes the SMS (Tether) connection (the session default, or the one given).</para>
/// <para type="description">Forgets the session default for SMS (Tether), or closes the connection given with -Connection or piped in (for example from Get-CampaignConnection), and releases its HTTP connection. Cmdlets that still hold a closed connection end with SmsConnectionClosed until Connect-SmsPlatform runs again. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: close the session's SMS connection.</para>
/// <code>
/// Disconnect-SmsPlatform
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: always close the connection the runbook opened, even when creating the campaign fails.</para>
/// <code>
/// $sms = Connect-SmsPlatform -PassThru
/// try {
///     Import-Csv contacts.csv | New-SmsCampaign -Name 'Q2 Lead Gen' -Message 'Hi {{firstName}}, are you still interested?' -Connection $sms
/// }
/// finally {
///     Disconnect-SmsPlatform -Connection $sms
/// }
/// </code>
/// </example>
/// <seealso cref="ConnectSmsPlatformCommand"/>
/// <seealso cref="CampaignPS.Connections.GetCampaignConnectionCommand"/>
[Cmdlet(VerbsCommunications.Disconnect, "SmsPlatform")]
public sealed class DisconnectSmsPlatformCommand : DisconnectCmdlet<SmsClient>
{
}
