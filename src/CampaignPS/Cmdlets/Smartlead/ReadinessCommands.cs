using CampaignPS.Engine.Readiness;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Tells why a Smartlead campaign cannot start yet: one finding per problem, with what to run to fix it.</para>
/// <para type="description">Reads the campaign, its sequence, its email accounts with their health and warmup, and its leads, and writes one CampaignReadinessFinding per problem: Severity (Error, Warning or Info), Check (a stable code such as SequenceMissing, MailboxDisconnected, MailboxWarmupLow, LeadsMissing, ScheduleMissing, SettingsMissing, StatusNotStartable), Message (what is wrong) and Fix (the cmdlet to run). A ready campaign writes nothing. Errors are what stops a start: what Smartlead's reference says START refuses (no sequence, email account or lead), a STOPPED or ARCHIVED campaign, an invalid sequence, and mailboxes none of which can send. Warnings (no schedule or settings saved, warmup off or low, one of several mailboxes disconnected) do not stop it. With -Quiet it writes one $true or $false per campaign instead ($true when there is no Error). Nothing is changed. An unknown campaign is reported as SmartleadCampaignNotFound and the next one is checked. Start-SmartleadCampaign runs the same check before it starts a campaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see what a campaign still needs before it can start.</para>
/// <code>
/// Test-SmartleadCampaign -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: start only the drafted Q1 campaigns that are ready, and list why the others are not.</para>
/// <code>
/// $drafts = Get-SmartleadCampaign -Name 'Q1*' | Where-Object Status -eq 'DRAFTED'
/// $drafts | Where-Object { $_ | Test-SmartleadCampaign -Quiet } | Start-SmartleadCampaign -Confirm:$false
/// $drafts | Test-SmartleadCampaign | Where-Object Severity -eq 'Error' | Format-Table -Property 'CampaignId', 'Check', 'Fix'
/// </code>
/// </example>
/// <seealso cref="StartSmartleadCampaignCommand"/>
/// <seealso cref="SetSmartleadSequenceCommand"/>
/// <seealso cref="AddSmartleadEmailAccountCommand"/>
/// <seealso cref="AddSmartleadLeadCommand"/>
[Cmdlet(VerbsDiagnostic.Test, "SmartleadCampaign")]
[OutputType(typeof(CampaignReadinessFinding), typeof(bool))]
public sealed class TestSmartleadCampaignCommand : SmartleadCampaignReadCmdlet
{
    /// <summary><para type="description">Write one $true (ready: no Error finding) or $false per campaign instead of the findings.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Read((id, token) => SmartleadReadiness.TestAsync(smartlead, id, token), findings => WriteReadiness(findings, Quiet.IsPresent));
}
