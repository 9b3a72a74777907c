using CampaignPS.Engine.Readiness;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>
/// <para type="synopsis">Tells why an SMS campaign cannot be sent yet: one finding per problem, with what to do about it.</para>
/// <para type="description">Reads the campaign and its contacts and writes one CampaignReadinessFinding per problem: Severity (Error, Warning or Info), Check (a stable code: ContactPhoneInvalid, MergeFieldMissing, MergeFieldUnknown, ScheduleInPast, StatusNotSendable, ContactsMissing, MessageMissing, ContactsNotReadable), Message and Fix. A ready campaign writes nothing. Contacts must have valid E.164 numbers, every merge field of the message (such as {{firstName}}) must be filled on every contact, a scheduled time must be in the future, and the campaign must still be a draft or scheduled. Tether documents no route for a campaign's contacts: the campaign's userIds are matched against GET /api/contacts, and contacts found that way are checked; any others are reported as one Info finding (ContactsNotReadable), not guessed at. With -Quiet it writes one $true or $false per campaign instead ($true when there is no Error). Nothing is changed or sent. An unknown campaign is reported as SmsCampaignNotFound and the next one is checked. Send-SmsCampaign runs the same check before it sends.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see why a campaign is not ready to send.</para>
/// <code>
/// Test-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f10
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: list every Error finding of the draft campaigns, then send only the ready ones without prompting.</para>
/// <code>
/// $drafts = Get-SmsCampaign | Where-Object Status -eq 'draft'
/// $drafts | Test-SmsCampaign | Where-Object Severity -eq 'Error' | Export-Csv sms-not-ready.csv -NoTypeInformation
/// $drafts | Where-Object { $_ | Test-SmsCampaign -Quiet } | Send-SmsCampaign -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="SendSmsCampaignCommand"/>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="TestSmsCampaignContactCommand"/>
[Cmdlet(VerbsDiagnostic.Test, "SmsCampaign")]
[OutputType(typeof(CampaignReadinessFinding), typeof(bool))]
public sealed class TestSmsCampaignCommand : PlatformCmdlet<SmsClient>
{
    /// <summary><para type="description">The campaign id; binds from the Id of New-SmsCampaign or Get-SmsCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "_id")]
    [ArgumentCompleter(typeof(SmsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">Write one $true (ready: no Error finding) or $false per campaign instead of the findings.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        string campaignId = CampaignId;
        if (TryAwait(token => SmsReadiness.TestAsync(sms, campaignId, null, token), campaignId, out IReadOnlyList<CampaignReadinessFinding> findings))
        {
            WriteReadiness(findings, Quiet.IsPresent);
        }
    }
}
