using CampaignPS.Engine.Readiness;
using CampaignPS.Engine.Sms;

namespace CampaignPS.Cmdlets.Sms;

/// <summary>
/// <para type="synopsis">Creates an SMS campaign with its contacts on your Tether instance.</para>
/// <para type="description">Contacts piped in (Import-Csv rows with firstName, lastName and phoneNumber, in any spelling) are gathered into ONE campaign, created when the input ends. Rows that carry a CampaignName column instead form one campaign per name. Phone numbers must be E.164; with -DefaultCountryCode local forms such as (415) 555-0133 are converted, and anything else is an error naming the row (the rest go on). Every merge field in -Message, such as {{firstName}}, must be present on every contact, or nothing is sent. With -ScheduleDate the campaign texts real people at that time, so the cmdlet asks for confirmation unless -Force or -Confirm:$false.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: schedule a reminder to contacts Tether already knows, for this time tomorrow; -Force answers the confirmation that scheduling asks for.</para>
/// <code>
/// New-SmsCampaign -Name 'Reminder' -Message 'See you tomorrow' -ExistingContactId 665f1a0c0e0a4b001a2c9f01 -ScheduleDate (Get-Date).AddDays(1) -Force
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one draft campaign from all rows of contacts.csv (firstName, lastName, phoneNumber), converting US numbers such as (415) 555-0133 to E.164; then send it, which asks first.</para>
/// <code>
/// Import-Csv contacts.csv |
///     New-SmsCampaign -Name 'Q2 Lead Gen' -Message 'Hi {{firstName}}, are you still interested?' -DefaultCountryCode 1 |
///     Send-SmsCampaign
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: rows with a CampaignName column form one campaign per name.</para>
/// <code>
/// Import-Csv regional-contacts.csv | New-SmsCampaign -Message 'Hi {{firstName}}, our store near you opens Monday.' -DefaultCountryCode 44
/// </code>
/// </example>
/// <seealso cref="TestSmsCampaignContactCommand"/>
/// <seealso cref="SendSmsCampaignCommand"/>
/// <seealso cref="StopSmsCampaignCommand"/>
/// <seealso cref="GetSmsCampaignCommand"/>
[Cmdlet(VerbsCommon.New, "SmsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmsCampaign))]
public sealed class NewSmsCampaignCommand : PlatformCmdlet<SmsClient>
{
    private readonly List<(string? Name, SmsContact Contact)> _contacts = new List<(string? Name, SmsContact Contact)>();
    private long _row;

    /// <summary><para type="description">The campaign name.</para></summary>
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    /// <summary><para type="description">Per-row campaign name (a CampaignName column): rows with the same name form one campaign.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CampaignName { get; set; }

    /// <summary><para type="description">The message, with merge fields such as {{firstName}}.</para></summary>
    [Parameter(Mandatory = true, Position = 1)]
    public string Message { get; set; } = string.Empty;

    /// <summary><para type="description">New contacts: Import-Csv rows, hashtables or objects with firstName, lastName, phoneNumber.</para></summary>
    [Parameter(ValueFromPipeline = true)]
    [Alias("Contact")]
    public object[] NewContact { get; set; } = Array.Empty<object>();

    /// <summary><para type="description">Contacts Tether knows already, as objects with an _id (or Id).</para></summary>
    [Parameter]
    public object[] ExistingContact { get; set; } = Array.Empty<object>();

    /// <summary><para type="description">Ids of contacts Tether knows already.</para></summary>
    [Parameter]
    public string[] ExistingContactId { get; set; } = Array.Empty<string>();

    /// <summary><para type="description">When to send (a future time). Without it the campaign waits for Send-SmsCampaign.</para></summary>
    [Parameter]
    public DateTime? ScheduleDate { get; set; }

    /// <summary><para type="description">Let the AI autopilot answer replies.</para></summary>
    [Parameter]
    public SwitchParameter Autopilot { get; set; }

    /// <summary><para type="description">The channel; Tether documents sms.</para></summary>
    [Parameter]
    [ValidateSet("sms")]
    public string Type { get; set; } = "sms";

    /// <summary><para type="description">The process (pipeline) id for the contacts.</para></summary>
    [Parameter]
    public string? Process { get; set; }

    /// <summary><para type="description">Segmentation settings, e.g. @{ enabled = $true; contactDistribution = ... }.</para></summary>
    [Parameter]
    public object? Segmentation { get; set; }

    /// <summary><para type="description">Assignment settings, e.g. @{ isAssignmentEnabled = $true; assignmentType = ... }.</para></summary>
    [Parameter]
    public object? Assignment { get; set; }

    /// <summary><para type="description">Calling code for local phone numbers, e.g. 1 (US/Canada) or 44 (UK).</para></summary>
    [Parameter]
    public string? DefaultCountryCode { get; set; }

    /// <summary><para type="description">With -ScheduleDate: create without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        foreach (object item in NewContact ?? Array.Empty<object>())
        {
            _row++;
            try
            {
                SmsContact contact = SmsContact.FromFields(SmsContactRecords.Fields(item), _row, Given(DefaultCountryCode));
                contact.Source = item;
                _contacts.Add((Given(CampaignName), contact));
            }
            catch (InputValidationException invalid)
            {
                Report(invalid, item);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessingWith(SmsClient sms)
    {
        List<SmsContact> existing;
        try
        {
            existing = (ExistingContact ?? Array.Empty<object>()).Select((item, i) => SmsContact.FromFields(SmsContactRecords.Fields(item), i + 1, Given(DefaultCountryCode)))
                .Concat((ExistingContactId ?? Array.Empty<string>()).Select((id, i) => SmsContact.FromFields(new[] { new KeyValuePair<string, object?>("_id", id) }, i + 1, null)))
                .ToList();
        }
        catch (InputValidationException invalid)
        {
            Report(invalid, ExistingContact);
            return;
        }

        // One campaign for the whole input, or one per CampaignName, in order of first appearance.
        var campaigns = _contacts.GroupBy(c => c.Name ?? Name).ToList();
        if (campaigns.Count == 0)
        {
            Create(sms, Name, Array.Empty<SmsContact>(), existing);
        }

        foreach (IGrouping<string?, (string? Name, SmsContact Contact)> campaign in campaigns)
        {
            Create(sms, campaign.Key, campaign.Select(c => c.Contact).ToList(), existing);
        }
    }

    private void Create(SmsClient sms, string? name, IReadOnlyList<SmsContact> contacts, IReadOnlyList<SmsContact> existing)
    {
        // A failure names the rows the campaign was made of (for Export-Csv and a second try), not the request.
        object[] rows = contacts.Select(c => c.Source).Where(r => r != null).Cast<object>().ToArray();
        var request = new NewSmsCampaign
        {
            Name = name,
            Message = Message,
            NewContacts = contacts,
            ExistingContacts = existing,
            ScheduleDate = ScheduleDate.HasValue ? new DateTimeOffset(ScheduleDate.Value) : (DateTimeOffset?)null,
            Autopilot = this.SwitchGiven(nameof(Autopilot), Autopilot),
            Type = Type,
            Process = Given(Process),
        };
        object? segmentation = Given(Segmentation);
        object? assignment = Given(Assignment);
        if (!TryValidate(() =>
        {
            request.SegmentationJson = segmentation == null ? null : PowerShellJson.ToJson(segmentation);
            request.AssignmentJson = assignment == null ? null : PowerShellJson.ToJson(assignment);
            request.Validate(DateTimeOffset.UtcNow);
        }, request))
        {
            return;
        }

        int count = contacts.Count + existing.Count;
        string target = $"SMS campaign '{name}' with {count} contacts";
        bool proceed = request.Sends
            ? Confirm.Send(target, $"Create SMS campaign scheduled for {request.ScheduleDate:u}", Force.IsPresent)
            : Confirm.Change(target, "Create SMS campaign (draft)");
        if (proceed && TryAwait(token => sms.CreateCampaignAsync(request, token), rows, out SmsCampaign campaign))
        {
            WriteObject(campaign);
        }
    }
}

/// <summary>
/// <para type="synopsis">Gets SMS campaigns from your Tether instance: one by id, or all (optionally by name with wildcards).</para>
/// <para type="description">With -CampaignId, or piped objects that have an Id or _id, it reads one campaign with its statistics (Total, Sent, Failed, SuccessRate); a missing one is reported as SmsCampaignNotFound. Without it, it lists the instance's campaigns, filtered by -Name (wildcards allowed, case-insensitive).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: show how the Q2 campaigns went.</para>
/// <code>
/// Get-SmsCampaign -Name 'Q2*' | Format-Table -Property 'Name', 'Status', 'Total', 'Sent', 'Failed', 'SuccessRate'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: report the scheduled campaigns to a CSV file.</para>
/// <code>
/// Get-SmsCampaign | Where-Object Status -eq 'scheduled' | Export-Csv scheduled-sms.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="SendSmsCampaignCommand"/>
/// <seealso cref="StopSmsCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "SmsCampaign", DefaultParameterSetName = "List")]
[OutputType(typeof(SmsCampaign))]
public sealed class GetSmsCampaignCommand : PlatformCmdlet<SmsClient>
{
    /// <summary><para type="description">The campaign id.</para></summary>
    [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "_id")]
    [ArgumentCompleter(typeof(SmsCampaignCompleter))]
    public string? CampaignId { get; set; }

    /// <summary><para type="description">Only campaigns whose name matches (wildcards allowed).</para></summary>
    [Parameter(ParameterSetName = "List")]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        if (ParameterSetName == "ById")
        {
            if (TryAwait(token => sms.GetCampaignAsync(CampaignId!, token), CampaignId, out SmsCampaign campaign))
            {
                WriteObject(campaign);
            }

            return;
        }

        if (TryAwait(sms.GetCampaignsAsync, Name, out IReadOnlyList<SmsCampaign> campaigns))
        {
            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            WriteObject(campaigns.Where(c => pattern == null || pattern.IsMatch(c.Name)), enumerateCollection: true);
        }
    }
}

/// <summary>
/// <para type="synopsis">Checks contacts before a campaign: which are new, existing, protected or owned by others (Tether's validate-contacts).</para>
/// <para type="description">Sends the contacts to Tether's validate-contacts check and writes one result that sorts them into NewContacts, ExistingContacts, ProtectedContacts, AssignedToOtherUsers, AssignedToYouNotOwned, AlreadyMessagedOutbound and AlreadyMessagedInbound. Nothing is created or sent. Phone numbers must be E.164, or local numbers with -DefaultCountryCode; a bad row is reported with its row number and the rest are checked.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: check one contact.</para>
/// <code>
/// Test-SmsCampaignContact -Contact @{ firstName = 'Ada'; lastName = 'Lovelace'; phoneNumber = '+14155550133' }
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: check a whole CSV before a campaign, keep the protected contacts for review, and text only the contacts Tether already knows.</para>
/// <code>
/// $check = Import-Csv contacts.csv | Test-SmsCampaignContact -DefaultCountryCode 1
/// $check.ProtectedContacts | Export-Csv protected.csv -NoTypeInformation
/// New-SmsCampaign -Name 'Q2 follow-up' -Message 'Thanks for your interest in our Q2 offer.' -ExistingContact $check.ExistingContacts
/// </code>
/// </example>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="ConnectSmsPlatformCommand"/>
[Cmdlet(VerbsDiagnostic.Test, "SmsCampaignContact")]
[OutputType(typeof(SmsContactValidation))]
public sealed class TestSmsCampaignContactCommand : PlatformCmdlet<SmsClient>
{
    private readonly List<SmsContact> _contacts = new List<SmsContact>();
    private long _row;

    /// <summary><para type="description">The contacts: Import-Csv rows, hashtables or objects with a phone number.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[] Contact { get; set; } = Array.Empty<object>();

    /// <summary><para type="description">Calling code for local phone numbers, e.g. 1 or 44.</para></summary>
    [Parameter]
    public string? DefaultCountryCode { get; set; }

    /// <summary><para type="description">Segmentation settings to check against.</para></summary>
    [Parameter]
    public object? Segmentation { get; set; }

    /// <summary><para type="description">Assignment settings to check against.</para></summary>
    [Parameter]
    public object? Assignment { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        foreach (object item in Contact)
        {
            _row++;
            try
            {
                SmsContact contact = SmsContact.FromFields(SmsContactRecords.Fields(item), _row, Given(DefaultCountryCode));
                contact.Source = item;
                _contacts.Add(contact);
            }
            catch (InputValidationException invalid)
            {
                Report(invalid, item);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessingWith(SmsClient sms)
    {
        if (_contacts.Count == 0)
        {
            return;
        }

        object? segmentation = Given(Segmentation);
        object? assignment = Given(Assignment);
        if (TryAwait(token => sms.ValidateContactsAsync(_contacts,
                segmentation == null ? null : PowerShellJson.ToJson(segmentation),
                assignment == null ? null : PowerShellJson.ToJson(assignment), token), null, out SmsContactValidation result))
        {
            WriteObject(result);
        }
    }
}

/// <summary>
/// <para type="synopsis">Sends an SMS campaign now: real text messages go to every contact. This cannot be undone. It checks first that the campaign is ready.</para>
/// <para type="description">Runs Test-SmsCampaign's check first (reads only): a campaign with an Error finding (a contact without a valid E.164 number, a merge field some contact lacks, a scheduled time that has passed, a status that cannot be sent, no contacts) is refused as SmsCampaignNotReady, with the findings and their fixes in the message and the campaign id as TargetObject, and nothing is sent. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. -Force skips both the question and the check; -Confirm:$false skips only the question. With -WhatIf the check still runs and a campaign that is not ready is reported as it would be; with -Force -WhatIf nothing is read. Never re-sent when the outcome is unknown (that could text everyone twice). Every failed message is written as a warning; -PassThru writes the campaign with its statistics. A campaign that was sent or cancelled already is refused as SmsCampaignAlreadySent (with -Force) or SmsCampaignNotReady.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see what would happen, then send (it checks the campaign, then asks).</para>
/// <code>
/// Send-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02 -WhatIf
/// Send-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: create a campaign from a CSV and send it without prompting, after the readiness check; failed messages appear as warnings and in the output's FailedDetails.</para>
/// <code>
/// Import-Csv contacts.csv |
///     New-SmsCampaign -Name 'Flash sale' -Message 'Hi {{firstName}}, 20% off today only.' -DefaultCountryCode 1 |
///     Send-SmsCampaign -Confirm:$false -PassThru |
///     Select-Object -Property 'Name', 'Total', 'Sent', 'Failed'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: send without the check and without prompting (-Force skips both).</para>
/// <code>
/// Send-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02 -Force
/// </code>
/// </example>
/// <seealso cref="TestSmsCampaignCommand"/>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="StopSmsCampaignCommand"/>
/// <seealso cref="GetSmsCampaignCommand"/>
[Cmdlet(VerbsCommunications.Send, "SmsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmsCampaign))]
public sealed class SendSmsCampaignCommand : SmsCampaignCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        string campaignId = CampaignId;
        if ((Force.IsPresent || IsReady(sms, campaignId)) &&
            Confirm.UnlessForced($"SMS campaign {campaignId}", "Send SMS campaign now (texts every contact; cannot be undone)", Force.IsPresent) &&
            TryAwait(token => sms.SendCampaignAsync(campaignId, token), campaignId, out SmsCampaign campaign))
        {
            WriteCampaign(campaign);
        }
    }

    // The readiness check, before the question: a refusal is reported against the campaign id, warnings are written.
    private bool IsReady(SmsClient sms, string campaignId) =>
        PassesReadinessCheck(token => SmsReadiness.TestAsync(sms, campaignId, null, token), campaignId, campaignId, "Send-SmsCampaign");
}

/// <summary>
/// <para type="synopsis">Cancels a scheduled SMS campaign before it sends. Only scheduled campaigns can be cancelled, and a cancelled campaign cannot be resumed.</para>
/// <para type="description">Sends Tether's cancel for the campaign. Only a scheduled campaign can be cancelled (otherwise SmsCampaignNotScheduled), and a cancelled campaign cannot be resumed, so ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. Writes nothing; -PassThru writes the cancelled campaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: cancel a scheduled campaign (it asks first).</para>
/// <code>
/// Stop-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: cancel every scheduled Q2 campaign without prompting.</para>
/// <code>
/// Get-SmsCampaign -Name 'Q2*' | Where-Object Status -eq 'scheduled' | Stop-SmsCampaign -Force
/// </code>
/// </example>
/// <seealso cref="SendSmsCampaignCommand"/>
/// <seealso cref="GetSmsCampaignCommand"/>
/// <seealso cref="NewSmsCampaignCommand"/>
[Cmdlet(VerbsLifecycle.Stop, "SmsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmsCampaign))]
public sealed class StopSmsCampaignCommand : SmsCampaignCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        if (Confirm.UnlessForced($"SMS campaign {CampaignId}", "Cancel scheduled SMS campaign (cannot be undone)", Force.IsPresent) &&
            TryAwait(token => sms.CancelCampaignAsync(CampaignId, token), CampaignId, out SmsCampaign campaign))
        {
            WriteCampaign(campaign);
        }
    }
}

/// <summary>
/// <para type="synopsis">Changes a draft or scheduled SMS campaign: its name, message or send time.</para>
/// <para type="description">Sends Tether's PATCH /api/campaigns/{id} with the fields given (at least one). The message's merge fields are checked as for New-SmsCampaign. -ScheduleDate (a future time) makes the campaign text its contacts then: so it first runs Test-SmsCampaign's check (reads only; a -Message given in the same call is the one checked), refuses a campaign with an Error finding as SmsCampaignNotReady and sends nothing, and then asks for confirmation as a High-impact change would, unless -Force or -Confirm:$false. -Force skips both the question and the check; -Confirm:$false skips only the question. Other changes do not prompt and are not checked. A campaign that was sent, is sending or was cancelled is refused as SmsCampaignNotEditable. Writes nothing; -PassThru writes the campaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: fix a typo in a draft's message.</para>
/// <code>
/// Set-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02 -Message 'Hi {{firstName}}, are you still interested in a quote?' -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: move every scheduled Q2 campaign to 09:00 tomorrow without prompting; one that is not ready (a contact without a valid number, a merge field some contact lacks) is reported as SmsCampaignNotReady and the rest go on.</para>
/// <code>
/// Get-SmsCampaign -Name 'Q2*' | Where-Object Status -eq 'scheduled' |
///     Set-SmsCampaign -ScheduleDate (Get-Date).Date.AddDays(1).AddHours(9) -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="GetSmsCampaignCommand"/>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="RemoveSmsCampaignCommand"/>
[Cmdlet(VerbsCommon.Set, "SmsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmsCampaign))]
public sealed class SetSmsCampaignCommand : BulkChangeCmdlet<SmsClient>
{
    /// <summary><para type="description">The campaign; binds from the Id of New-SmsCampaign or Get-SmsCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "_id")]
    [ArgumentCompleter(typeof(SmsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">A new name.</para></summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary><para type="description">A new message, with merge fields such as {{firstName}}.</para></summary>
    [Parameter]
    public string? Message { get; set; }

    /// <summary><para type="description">A new (future) time to send. This makes the campaign text its contacts then.</para></summary>
    [Parameter]
    public DateTime? ScheduleDate { get; set; }

    /// <summary><para type="description">Change without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        var changes = new SmsCampaignChanges
        {
            Name = Name,
            Message = Message,
            ScheduleDate = ScheduleDate.HasValue ? new DateTimeOffset(ScheduleDate.Value) : (DateTimeOffset?)null,
        };
        string campaignId = CampaignId;
        string target = $"SMS campaign {campaignId}";
        Submit(campaignId, () => changes.Validate(DateTimeOffset.UtcNow),
            () => (Force.IsPresent || !changes.ScheduleDate.HasValue || IsReady(sms, campaignId, changes)) && Confirmed(changes, target),
            token => sms.UpdateCampaignAsync(campaignId, changes, token),
            WriteIfPassThru);
    }

    // The readiness check of a schedule, on the pipeline thread before the question; the message this change sets is the one checked.
    private bool IsReady(SmsClient sms, string campaignId, SmsCampaignChanges changes) =>
        PassesReadinessCheck(token => SmsReadiness.TestAsync(sms, campaignId, changes, token), campaignId, RecordFor(campaignId), "Set-SmsCampaign");

    private bool Confirmed(SmsCampaignChanges changes, string target) =>
        changes.ScheduleDate.HasValue
            ? Confirm.Send(target, $"Schedule SMS campaign to send at {changes.ScheduleDate.Value:u}", Force.IsPresent)
            : Confirm.UnlessForced(target, "Update SMS campaign", Force.IsPresent);
}

/// <summary>
/// <para type="synopsis">Deletes an SMS campaign from Tether. This cannot be undone.</para>
/// <para type="description">Sends DELETE /api/campaigns/{id}. ConfirmImpact is High: it asks unless -Force or -Confirm:$false. One campaign at a time, so a mistake stops after one. A campaign that does not exist is SmsCampaignNotFound. Writes nothing.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: delete a draft (it asks first).</para>
/// <code>
/// Remove-SmsCampaign -CampaignId 665f1a0c0e0a4b001a2c9f02
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: delete the test drafts without prompting.</para>
/// <code>
/// Get-SmsCampaign -Name 'TEST *' | Where-Object Status -eq 'draft' | Remove-SmsCampaign -Force
/// </code>
/// </example>
/// <seealso cref="GetSmsCampaignCommand"/>
/// <seealso cref="StopSmsCampaignCommand"/>
[Cmdlet(VerbsCommon.Remove, "SmsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveSmsCampaignCommand : PlatformCmdlet<SmsClient>
{
    /// <summary><para type="description">The campaign; binds from the Id of New-SmsCampaign or Get-SmsCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "_id")]
    [ArgumentCompleter(typeof(SmsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">Delete without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        if (TryValidate(() => SmsRulesForCmdlets.CampaignId(CampaignId), CampaignId) &&
            Confirm.UnlessForced($"SMS campaign {CampaignId}", "Delete SMS campaign (cannot be undone)", Force.IsPresent))
        {
            TryAwait(token => sms.RemoveCampaignAsync(CampaignId, token), CampaignId);
        }
    }
}

/// <summary>
/// <para type="synopsis">Asks Tether how it would split a number of contacts into daily segments (auto-segment), without creating anything.</para>
/// <para type="description">Sends POST /api/campaigns/auto-segment with the number of contacts and the first segment's date and time, and writes one object per segment: its id, when it sends and how many contacts it takes (100 a day in Tether's example). Tether's warnings (a first segment in the past, a clock change) are written as warnings. Use it to plan a large campaign by day before New-SmsCampaign -Segmentation.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: how 500 contacts would go out from 20 May at 10:00.</para>
/// <code>
/// Get-SmsAutoSegment -ContactCount 500 -FirstSegmentDate 2026-05-20 -FirstSegmentTime 10:00
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: plan the contacts of a CSV and report the last day they are reached.</para>
/// <code>
/// $count = @(Import-Csv contacts.csv).Count
/// $plan = Get-SmsAutoSegment -ContactCount $count -FirstSegmentDate (Get-Date).Date.AddDays(1) -FirstSegmentTime 09:30
/// "Last segment: $(($plan | Select-Object -Last 1).ScheduledDate)"
/// </code>
/// </example>
/// <seealso cref="NewSmsCampaignCommand"/>
/// <seealso cref="TestSmsCampaignContactCommand"/>
[Cmdlet(VerbsCommon.Get, "SmsAutoSegment")]
[OutputType(typeof(SmsCampaignSegment))]
public sealed class GetSmsAutoSegmentCommand : PlatformCmdlet<SmsClient>
{
    /// <summary><para type="description">How many contacts to split (1 to 100,000).</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TotalContacts")]
    public int ContactCount { get; set; }

    /// <summary><para type="description">The first segment's date.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public DateTime FirstSegmentDate { get; set; }

    /// <summary><para type="description">The first segment's time of day, e.g. 10:00.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public TimeSpan FirstSegmentTime { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmsClient sms)
    {
        var request = new SmsAutoSegmentRequest { TotalContacts = ContactCount, FirstSegmentDate = FirstSegmentDate.Date, FirstSegmentTime = FirstSegmentTime };
        if (TryValidate(request.Validate, request) &&
            TryAwait(token => sms.GetAutoSegmentPlanAsync(request, token), request, out SmsAutoSegmentPlan plan))
        {
            foreach (string warning in plan.Warnings)
            {
                WriteWarning($"Tether auto-segment: {warning}");
            }

            foreach (SmsCampaignSegment segment in plan.Segments)
            {
                WriteObject(segment);
            }
        }
    }
}

/// <summary>The id check the engine uses, for a cmdlet that fails before it confirms.</summary>
internal static class SmsRulesForCmdlets
{
    public static void CampaignId(string id) => new InputRules("Sms").PlainId("CampaignId", id);
}
