using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Readiness;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Tells why a Loops campaign cannot be sent yet: one finding per problem, with what to run to fix it.</para>
/// <para type="description">Reads the campaign, its email message and Guardian's checks of that message, and writes one CampaignReadinessFinding per problem: Severity (Error, Warning or Info), Check (a stable code: StatusNotDraft, AudienceMissing, EmailMessageMissing, SubjectMissing, SenderMissing, ContentMissing, GuardianError, GuardianWarning, GuardianNotAvailable, ScheduleInPast, AlreadyScheduled), Message and Fix. A ready campaign writes nothing. The campaign must be a draft with an audience (a mailing list, segment or filter); its email message needs a subject, a sender name and address, and content; Guardian errors block, as they block publishing in the Loops editor, and Guardian warnings are warnings; a time it is scheduled for must be in the future (a Scheduled campaign is ready, an Info finding says when it sends; launching it again is StatusNotDraft, as Loops changes the scheduling of drafts only). With -Quiet it writes one $true or $false per campaign instead ($true when there is no Error). Nothing is changed or sent. An unknown campaign is reported as LoopsCampaignNotFound and the next one is checked. Set-LoopsCampaign -SendNow and -ScheduleAt run the same check before they send.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see what a campaign still needs before it can be sent.</para>
/// <code>
/// Test-LoopsCampaign -CampaignId cmp_123
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: schedule the ready drafts of one group without prompting, and write why the others are not ready to a CSV.</para>
/// <code>
/// $drafts = Get-LoopsCampaign -All | Where-Object { $_.Status -eq 'Draft' -and $_.CampaignGroupId -eq 'grp_spring' }
/// $drafts | Test-LoopsCampaign | Where-Object Severity -eq 'Error' | Export-Csv loops-not-ready.csv -NoTypeInformation
/// $drafts | Where-Object { $_ | Test-LoopsCampaign -Quiet } | Set-LoopsCampaign -ScheduleAt (Get-Date).AddHours(2) -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
/// <seealso cref="TestLoopsEmailMessageCommand"/>
[Cmdlet(VerbsDiagnostic.Test, "LoopsCampaign")]
[OutputType(typeof(CampaignReadinessFinding), typeof(bool))]
public sealed class TestLoopsCampaignCommand : PlatformCmdlet<LoopsClient>
{
    /// <summary><para type="description">The campaign id; binds from the Id of New-LoopsCampaign or Get-LoopsCampaign output, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">Write one $true (ready: no Error finding) or $false per campaign instead of the findings.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        string campaignId = CampaignId;
        if (TryAwait(token => LoopsReadiness.TestAsync(loops, campaignId, null, token), campaignId, out IReadOnlyList<CampaignReadinessFinding> findings))
        {
            WriteReadiness(findings, Quiet.IsPresent);
        }
    }
}
