using CampaignPS.Engine.Readiness;
using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Starts a Smartlead campaign: it begins sending email to its leads. It checks first that the campaign is ready.</para>
/// <para type="description">Runs Test-SmartleadCampaign's check first (reads only): a campaign with an Error finding (no sequence, email account or lead, an invalid sequence, no mailbox that can send, a STOPPED or ARCHIVED status) is refused as SmartleadCampaignNotReady, with the findings and their fixes in the message and the campaign as TargetObject, and nothing is sent to the status endpoint; Warning findings are written as warnings and the campaign starts. Then it sends POST /campaigns/{id}/status with START (Smartlead's API reference). Sending cannot be undone, so the cmdlet asks for confirmation unless -Force or -Confirm:$false. -Force skips both the question and the check (Smartlead itself still refuses a campaign without a sequence, account or leads, also as SmartleadCampaignNotReady); -Confirm:$false skips only the question. With -WhatIf the check still runs, and a campaign that is not ready is reported as it would be; with -Force -WhatIf nothing is read.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: start a campaign; it checks the campaign, then asks, because it sends email.</para>
/// <code>
/// Start-SmartleadCampaign -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: start every drafted Q1 campaign without prompting, but only the ready ones: the others are reported as SmartleadCampaignNotReady, with what each still needs, and the rest go on.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Where-Object Status -eq 'DRAFTED' | Start-SmartleadCampaign -Confirm:$false -ErrorVariable notReady
/// $notReady | ForEach-Object { $_.Exception.Message }
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: resume paused campaigns without the readiness check (-Force skips it and the question).</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Where-Object Status -eq 'PAUSED' | Start-SmartleadCampaign -Force -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="TestSmartleadCampaignCommand"/>
/// <seealso cref="SuspendSmartleadCampaignCommand"/>
/// <seealso cref="StopSmartleadCampaignCommand"/>
/// <seealso cref="NewSmartleadCampaignCommand"/>
[Cmdlet(VerbsLifecycle.Start, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class StartSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">Start without asking for confirmation and without the readiness check (Test-SmartleadCampaign). To keep the check and not be asked, use -Confirm:$false.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (!Force.IsPresent && !IsReady(smartlead))
        {
            return;
        }

        Apply(smartlead, NothingToCheck,
            () => Confirm.UnlessForced(Target, "Start Smartlead campaign (sends email)", Force.IsPresent),
            (id, token) => smartlead.SetStatusAsync(id, SmartleadStatusChange.Start, token));
    }

    // The readiness check, on the pipeline thread before the question: a refusal is reported against the record, warnings are written.
    private bool IsReady(SmartleadClient smartlead)
    {
        long campaignId = CampaignId;
        return PassesReadinessCheck(token => SmartleadReadiness.TestAsync(smartlead, campaignId, token),
            campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordFor(campaignId), "Start-SmartleadCampaign");
    }
}

/// <summary>
/// <para type="synopsis">Pauses a Smartlead campaign; Start-SmartleadCampaign resumes it.</para>
/// <para type="description">Sends the PAUSED status: the campaign stops sending until Start-SmartleadCampaign resumes it, and its sequence can be changed meanwhile. A stopped campaign cannot be paused (SmartleadCampaignStopped).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: pause a campaign.</para>
/// <code>
/// Suspend-SmartleadCampaign -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: pause every active campaign of one client before changing their sequences.</para>
/// <code>
/// Get-SmartleadCampaign -ClientId 42 | Where-Object Status -eq 'ACTIVE' | Suspend-SmartleadCampaign -PassThru
/// </code>
/// </example>
/// <seealso cref="StartSmartleadCampaignCommand"/>
/// <seealso cref="StopSmartleadCampaignCommand"/>
/// <seealso cref="SetSmartleadSequenceCommand"/>
[Cmdlet(VerbsLifecycle.Suspend, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class SuspendSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, NothingToCheck,
            () => Confirm.Change(Target, "Pause Smartlead campaign"),
            (id, token) => smartlead.SetStatusAsync(id, SmartleadStatusChange.Pause, token));
}

/// <summary>
/// <para type="synopsis">Stops a Smartlead campaign for good. Smartlead's STOPPED cannot be undone; use Suspend-SmartleadCampaign to pause.</para>
/// <para type="description">Sends the STOPPED status, which Smartlead cannot undo: the campaign never sends again, and later status changes fail with SmartleadCampaignStopped. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. To pause instead, use Suspend-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see what would happen, then stop the campaign (it asks first).</para>
/// <code>
/// Stop-SmartleadCampaign -CampaignId 125 -WhatIf
/// Stop-SmartleadCampaign -CampaignId 125
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: stop the campaigns listed in finished.csv (a campaign_id column) without prompting.</para>
/// <code>
/// Import-Csv finished.csv | Stop-SmartleadCampaign -Force
/// </code>
/// </example>
/// <seealso cref="SuspendSmartleadCampaignCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
/// <seealso cref="RemoveSmartleadCampaignCommand"/>
[Cmdlet(VerbsLifecycle.Stop, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class StopSmartleadCampaignCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">Stop without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, NothingToCheck,
            () => Confirm.UnlessForced(Target, "Stop Smartlead campaign for good (cannot be undone)", Force.IsPresent),
            (id, token) => smartlead.SetStatusAsync(id, SmartleadStatusChange.Stop, token));
}
