using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Creates a draft Loops campaign (with an empty email message).</para>
/// <para type="description">One campaign per input record: pipe Import-Csv rows with Name (and optionally MailingListId, AudienceSegmentId, CampaignGroupId, AudienceFilter) columns. A bad row is reported and the rest go on. The output pipes into Set-LoopsEmailMessage and Set-LoopsCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create a draft for the main mailing list.</para>
/// <code>
/// $list = Get-LoopsMailingList -Name 'Main*'
/// New-LoopsCampaign -Name 'Spring announcement' -MailingListId $list.Id
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: create a campaign, write its email and schedule it, in one pipeline. The email message id and its revision travel with the objects.</para>
/// <code>
/// New-LoopsCampaign -Name 'Launch' |
///     Set-LoopsEmailMessage -Subject 'We launched' -FromName Acme -FromEmail hello -LmxPath ./launch.lmx -PassThru |
///     Set-LoopsCampaign -MailingListId list_main -ScheduleAt (Get-Date).AddDays(1) -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one draft per row of campaigns.csv (columns Name, MailingListId, CampaignGroupId), paced to Loops' limit with as many requests in flight as the latency needs (-ThrottleLimit caps them), results in input order. A bad row is reported with the row as TargetObject and the rest go on.</para>
/// <code>
/// Import-Csv campaigns.csv | New-LoopsCampaign -ErrorVariable failed
/// $failed | ForEach-Object { '{0}: {1}' -f $_.TargetObject.Name, $_.Exception.Message }
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: a resumable bulk run. -Journal records per row that its create is about to be sent and the created id, flushed to disk; after a crash, Ctrl+C or a lost machine the same command skips the rows done, sends again those that failed, and reports (CampaignJournalOutcomeUnknown) the rows that were sent without an answer, which it does not send again. -JournalKey Name keys the rows by their Name column instead of a hash of the row.</para>
/// <code>
/// Import-Csv campaigns.csv | New-LoopsCampaign -Journal campaigns.jsonl -JournalKey Name -ErrorVariable failed
/// $failed | Where-Object FullyQualifiedErrorId -Like 'CampaignJournalOutcomeUnknown*' | ForEach-Object { $_.TargetObject.Name }
/// </code>
/// </example>
/// <example>
/// <para type="description">After checking with Get-LoopsCampaign that the campaigns reported unknown were not made, send them again.</para>
/// <code>
/// Get-LoopsCampaign -All | Where-Object Name -eq 'Spring announcement'
/// Import-Csv campaigns.csv | New-LoopsCampaign -Journal campaigns.jsonl -JournalKey Name -RetryUnknown
/// </code>
/// </example>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsMailingListCommand"/>
[Cmdlet(VerbsCommon.New, "LoopsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsCampaign))]
public sealed class NewLoopsCampaignCommand : BulkCmdlet<LoopsClient>
{
    /// <summary><para type="description">The campaign name.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">The mailing list to send to (see Get-LoopsMailingList).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LoopsMailingListCompleter))]
    public string? MailingListId { get; set; }

    /// <summary><para type="description">The audience segment to send to (see Get-LoopsAudienceSegment).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
    public string? AudienceSegmentId { get; set; }

    /// <summary><para type="description">An audience filter as a hashtable (@{ match = 'all'; conditions = @(...) }) or JSON text.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? AudienceFilter { get; set; }

    /// <summary><para type="description">The campaign group (see Get-LoopsCampaignGroup); the Unsorted group when omitted.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
    public string? CampaignGroupId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var request = new NewLoopsCampaign
        {
            Name = Name,
            MailingListId = Given(MailingListId),
            AudienceSegmentId = Given(AudienceSegmentId),
            CampaignGroupId = Given(CampaignGroupId),
        };
        object? filter = Given(AudienceFilter);
        Submit(request,
            () =>
            {
                request.AudienceFilter = filter == null ? null : LoopsAudienceFilter.FromJson(PowerShellJson.ToJson(filter));
                request.Validate();
            },
            () => Confirm.Change($"Loops campaign '{request.Name}'", "Create Loops campaign"),
            token => loops.CreateCampaignAsync(request, token),
            WriteObject);
    }

    /// <inheritdoc />
    protected override Func<CancellationToken, Task<object>>? JournalReadBack(LoopsClient client, string id) =>
        async token => await client.GetCampaignAsync(id, token).ConfigureAwait(false);

    /// <inheritdoc />
    protected override string JournalCheckHint(object? row) =>
        $"look for it with Get-LoopsCampaign -All | Where-Object Name -eq '{Name.Replace("'", "''")}'";
}

/// <summary>
/// <para type="synopsis">Changes a draft Loops campaign: name, audience, group, or when it sends.</para>
/// <para type="description">At least one change is required. -AudienceSegmentId and -AudienceFilter are exclusive. -ClearMailingList and -ClearAudienceSegment take the list or segment off the campaign (an empty -MailingListId counts as not given, so it cannot clear anything). -SendNow or -ScheduleAt (a future time) make the campaign send mail, which cannot be undone: then the cmdlet first runs Test-LoopsCampaign's check (reads only; the audience given in the same call counts), and a campaign with an Error finding (no audience, an email message without subject, sender or content, a Guardian error, a status other than Draft) is refused as LoopsCampaignNotReady with the findings and their fixes, and nothing is sent; Warning findings are written as warnings. Then it asks for confirmation as a High-impact change would, unless -Force or -Confirm:$false. -Force skips both the question and the check; -Confirm:$false skips only the question. With -WhatIf the check still runs. Other changes do not prompt and are not checked. A campaign that is no longer a draft gives the error LoopsCampaignNotDraft.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: rename a draft and send it to a segment instead of its list; such changes do not prompt.</para>
/// <code>
/// Set-LoopsCampaign -CampaignId cmp_123 -Name 'Spring announcement (v2)' -AudienceSegmentId seg_07 -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: schedule a campaign for 09:00 tomorrow. That sends mail, so -WhatIf first shows what would happen and the real run asks for confirmation.</para>
/// <code>
/// $at = (Get-Date).Date.AddDays(1).AddHours(9)
/// Set-LoopsCampaign -CampaignId cmp_123 -ScheduleAt $at -WhatIf
/// Set-LoopsCampaign -CampaignId cmp_123 -ScheduleAt $at
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: send a draft to a filter only, taking its mailing list and segment off.</para>
/// <code>
/// Set-LoopsCampaign -CampaignId cmp_123 -ClearMailingList -ClearAudienceSegment -AudienceFilter @{ match = 'all'; conditions = @(@{ property = 'userGroup'; operator = 'equals'; value = 'vip' }) }
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: schedule every draft of one group without prompting, but only the ready ones: the others are reported as LoopsCampaignNotReady, with what each still needs, and the rest go on.</para>
/// <code>
/// Get-LoopsCampaign -All |
///     Where-Object { $_.Status -eq 'Draft' -and $_.CampaignGroupId -eq 'grp_spring' } |
///     Set-LoopsCampaign -ScheduleAt (Get-Date).AddHours(2) -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
/// <seealso cref="GetLoopsAudienceSegmentCommand"/>
[Cmdlet(VerbsCommon.Set, "LoopsCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(LoopsCampaign))]
public sealed class SetLoopsCampaignCommand : BulkChangeCmdlet<LoopsClient>
{
    private const string DefaultSet = "Default";
    private const string SegmentSet = "Segment";
    private const string FilterSet = "Filter";

    /// <summary><para type="description">The campaign to change; binds from the Id of New-LoopsCampaign or the CampaignId of Set-LoopsEmailMessage output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <summary><para type="description">A new name.</para></summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary><para type="description">The mailing list to send to.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(LoopsMailingListCompleter))]
    public string? MailingListId { get; set; }

    /// <summary><para type="description">The audience segment to send to; clears any audience filter.</para></summary>
    [Parameter(ParameterSetName = SegmentSet, Mandatory = true)]
    [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
    public string? AudienceSegmentId { get; set; }

    /// <summary><para type="description">An audience filter as a hashtable or JSON text.</para></summary>
    [Parameter(ParameterSetName = FilterSet, Mandatory = true)]
    public object? AudienceFilter { get; set; }

    /// <summary><para type="description">The group to move the campaign to.</para></summary>
    [Parameter]
    [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
    public string? CampaignGroupId { get; set; }

    /// <summary><para type="description">Send to no mailing list any more (Loops gets "mailingListId": null). An empty -MailingListId means "not given", so this switch is the way to clear it.</para></summary>
    [Parameter]
    public SwitchParameter ClearMailingList { get; set; }

    /// <summary><para type="description">Send to no audience segment any more (Loops gets "audienceSegmentId": null).</para></summary>
    [Parameter(ParameterSetName = DefaultSet)]
    [Parameter(ParameterSetName = FilterSet)]
    public SwitchParameter ClearAudienceSegment { get; set; }

    /// <summary><para type="description">Send the campaign now. This sends mail.</para></summary>
    [Parameter]
    public SwitchParameter SendNow { get; set; }

    /// <summary><para type="description">Send the campaign at this future time. This sends mail.</para></summary>
    [Parameter]
    public DateTime? ScheduleAt { get; set; }

    /// <summary><para type="description">Change without asking for confirmation and, for -SendNow and -ScheduleAt, without the readiness check (Test-LoopsCampaign). To keep the check and not be asked, use -Confirm:$false.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var changes = new LoopsCampaignChanges
        {
            Name = Name,
            MailingListId = MailingListId,
            AudienceSegmentId = AudienceSegmentId,
            CampaignGroupId = CampaignGroupId,
            ClearMailingList = ClearMailingList.IsPresent,
            ClearAudienceSegment = ClearAudienceSegment.IsPresent,
            SendNow = SendNow.IsPresent,
            ScheduleAt = ScheduleAt.HasValue ? new DateTimeOffset(ScheduleAt.Value) : (DateTimeOffset?)null,
        };
        string campaignId = CampaignId;
        Submit(campaignId,
            () =>
            {
                changes.AudienceFilter = AudienceFilter == null ? null : LoopsAudienceFilter.FromJson(PowerShellJson.ToJson(AudienceFilter));
                changes.Validate(DateTimeOffset.UtcNow);
            },
            () => (Force.IsPresent || !changes.Sends || IsReady(loops, campaignId, changes)) && Confirmed(changes, $"Loops campaign {campaignId}"),
            token => loops.UpdateCampaignAsync(campaignId, changes, token),
            WriteIfPassThru);
    }

    // The readiness check of a launch, on the pipeline thread before the question; the audience this change sets counts.
    private bool IsReady(LoopsClient loops, string campaignId, LoopsCampaignChanges changes) =>
        PassesReadinessCheck(token => LoopsReadiness.TestAsync(loops, campaignId, changes, token), campaignId, RecordFor(campaignId), "Set-LoopsCampaign");

    private bool Confirmed(LoopsCampaignChanges changes, string target) =>
        changes.SendNow ? Confirm.Send(target, "Send Loops campaign now", Force.IsPresent)
        : changes.ScheduleAt.HasValue ? Confirm.Send(target, $"Schedule Loops campaign to send at {changes.ScheduleAt.Value:u}", Force.IsPresent)
        : Confirm.UnlessForced(target, "Update Loops campaign", Force.IsPresent);
}

/// <summary>
/// <para type="synopsis">Gets Loops campaigns: one by id, the first page, every page (-All) or the first N (-First).</para>
/// <para type="description">Without -CampaignId it reads the first page of campaigns (-PageSize per request, 20 by default); -All follows the cursor through every page and -First stops after that many campaigns. With -CampaignId, or piped objects that have a CampaignId or Id, it reads one campaign; a missing one is reported as LoopsCampaignNotFound. The output pipes into Set-LoopsCampaign and Get-LoopsEmailMessage.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: show the first 100 campaigns, reading 50 per request.</para>
/// <code>
/// Get-LoopsCampaign -First 100 -PageSize 50 | Format-Table -Property 'Name', 'Status', 'ScheduledAt'
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: one campaign by id.</para>
/// <code>
/// Get-LoopsCampaign -CampaignId cmp_123
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: export every campaign, all pages, to CSV.</para>
/// <code>
/// Get-LoopsCampaign -All | Export-Csv campaigns-export.csv -NoTypeInformation
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: re-read the campaigns listed in ids.csv (a CampaignId column); ids that do not exist are reported and the rest are read.</para>
/// <code>
/// Import-Csv ids.csv | Get-LoopsCampaign
/// </code>
/// </example>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsCampaign", DefaultParameterSetName = ListSet)]
[OutputType(typeof(LoopsCampaign))]
public sealed class GetLoopsCampaignCommand : CursorListCmdlet<LoopsClient, LoopsCampaign>
{
    /// <summary>Creates the cmdlet.</summary>
    public GetLoopsCampaignCommand()
        : base((client, id, token) => client.GetCampaignAsync(id, token), (client, cursor, size, token) => client.GetCampaignPageAsync(cursor, size, token))
    {
    }

    /// <summary><para type="description">The campaign id.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string? CampaignId { get; set; }

    /// <inheritdoc />
    protected override string? RequestedId => CampaignId;
}
