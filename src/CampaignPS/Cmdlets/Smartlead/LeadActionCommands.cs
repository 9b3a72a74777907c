using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// Base of the cmdlets that act on one lead in one campaign: CampaignId and LeadId bind from Get-SmartleadLead's output
/// (CampaignId, Id) or from CSV columns (campaign_id, lead_id), and each record takes the bulk path.
/// </summary>
public abstract class SmartleadLeadCmdlet : BulkCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign the lead is in; binds from the CampaignId of Get-SmartleadLead output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">The lead; binds from the Id of Get-SmartleadLead output. Completes from the first 100 leads of -CampaignId.</para></summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "lead_id")]
    [ArgumentCompleter(typeof(SmartleadLeadCompleter))]
    public long LeadId { get; set; }

    /// <summary>The WhatIf/Confirm target.</summary>
    protected string Target => $"Smartlead lead {LeadId} in campaign {CampaignId}";

    /// <summary>
    /// Takes this record's lead through the bulk path: ids checked, <paramref name="confirmed"/>, then <paramref name="send"/>
    /// in flight with this record's ids (it runs while the next record binds, so it must not read the parameters itself).
    /// </summary>
    protected void Send<T>(Func<bool> confirmed, Func<long, long, CancellationToken, Task<T>> send, Action<T> write)
    {
        long campaignId = CampaignId;
        long leadId = LeadId;
        Submit(leadId, () =>
        {
            SmartleadIds.Check("CampaignId", campaignId);
            SmartleadIds.Check("LeadId", leadId);
        }, confirmed, token => send(campaignId, leadId, token), write);
    }
}

/// <summary>A lead cmdlet whose change can be followed: -PassThru writes the lead's status as the server then reports it.</summary>
public abstract class SmartleadLeadChangeCmdlet : SmartleadLeadCmdlet
{
    /// <summary><para type="description">Write the lead as Smartlead reports it afterwards (GET /leads/{id}/campaigns: its id, campaign and status there), so the pipeline can go on.</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Sends <paramref name="change"/> (false: the server changed nothing, said in <paramref name="unchanged"/>), then reads the lead back with -PassThru.</summary>
    protected void Apply(SmartleadClient smartlead, Func<bool> confirmed, Func<long, long, CancellationToken, Task<bool>> change, string unchanged, bool everyCampaign = false)
    {
        bool passThru = PassThru.IsPresent;
        Send(confirmed, async (campaignId, leadId, token) =>
        {
            bool changed = await change(campaignId, leadId, token).ConfigureAwait(false);
            IReadOnlyList<SmartleadCampaignLead> after = passThru
                ? (await smartlead.Leads.GetCampaignsOfLeadAsync(leadId, token).ConfigureAwait(false)).Where(l => everyCampaign || l.CampaignId == campaignId).ToList()
                : Array.Empty<SmartleadCampaignLead>();
            return (Changed: changed, After: after);
        }, result =>
        {
            if (!result.Changed)
            {
                WriteWarning(unchanged);
            }

            WriteObject(result.After, enumerateCollection: true);
        });
    }

    /// <summary>A change whose answer tells nothing about whether it changed anything.</summary>
    protected static Func<long, long, CancellationToken, Task<bool>> Always(Func<long, long, CancellationToken, Task> change) =>
        async (campaignId, leadId, token) =>
        {
            await change(campaignId, leadId, token).ConfigureAwait(false);
            return true;
        };
}

/// <summary>
/// <para type="synopsis">Pauses a lead in a Smartlead campaign: it gets no more emails until Resume-SmartleadLead.</para>
/// <para type="description">Sends POST /campaigns/{id}/leads/{lead_id}/pause. Pipe leads from Get-SmartleadLead; a lead that is not in the campaign is reported as SmartleadLeadNotFound and the rest go on. With -PassThru the lead is written as the server reports it afterwards.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: stop one prospect in every campaign they are in.</para>
/// <code>
/// Get-SmartleadLead -Email 'ada@example.com' | Suspend-SmartleadLead -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: pause the leads listed in hold.csv (campaign_id and lead_id columns), paced to the key's limits.</para>
/// <code>
/// Import-Csv hold.csv | Suspend-SmartleadLead -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="ResumeSmartleadLeadCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsLifecycle.Suspend, "SmartleadLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaignLead))]
public sealed class SuspendSmartleadLeadCommand : SmartleadLeadChangeCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, () => Confirm.Change(Target, "Pause Smartlead lead"), Always(smartlead.Leads.PauseAsync), string.Empty);
}

/// <summary>
/// <para type="synopsis">Resumes a paused lead in a Smartlead campaign: the campaign goes on sending to it.</para>
/// <para type="description">Sends POST /campaigns/{id}/leads/{lead_id}/resume. Pipe leads from Get-SmartleadLead -Status Paused. With -PassThru the lead is written as the server reports it afterwards.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: resume one lead.</para>
/// <code>
/// Resume-SmartleadLead -CampaignId 125 -LeadId 100001
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: resume every paused lead of campaign 125 without prompting.</para>
/// <code>
/// Get-SmartleadLead -CampaignId 125 -Status Paused -All | Resume-SmartleadLead -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="SuspendSmartleadLeadCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsLifecycle.Resume, "SmartleadLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaignLead))]
public sealed class ResumeSmartleadLeadCommand : SmartleadLeadChangeCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, () => Confirm.Change(Target, "Resume Smartlead lead"), Always(smartlead.Leads.ResumeAsync), string.Empty);
}

/// <summary>
/// <para type="synopsis">Unsubscribes a Smartlead lead: from one campaign, or with -Global from every campaign. This cannot be undone.</para>
/// <para type="description">Sends POST /campaigns/{id}/leads/{lead_id}/unsubscribe, or with -Global POST /leads/{lead_id}/unsubscribe. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. When Smartlead reports that nothing changed (the lead was unsubscribed already) a warning says so. A lead piped once per campaign is unsubscribed globally only once. With -PassThru the lead is written as the server reports it afterwards (every campaign with -Global).</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: a prospect asked to hear nothing more: unsubscribe them everywhere (it asks first).</para>
/// <code>
/// Get-SmartleadLead -Email 'ada@example.com' | Unregister-SmartleadLead -Global
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: unsubscribe from campaign 125 every lead that bounced or replied with an opt-out, listed in optout.csv (campaign_id and lead_id columns).</para>
/// <code>
/// Import-Csv optout.csv | Unregister-SmartleadLead -Force -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="SuspendSmartleadLeadCommand"/>
/// <seealso cref="RemoveSmartleadLeadCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsLifecycle.Unregister, "SmartleadLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmartleadCampaignLead))]
public sealed class UnregisterSmartleadLeadCommand : SmartleadLeadChangeCmdlet
{
    private readonly HashSet<long> _unsubscribedEverywhere = new HashSet<long>();

    /// <summary><para type="description">Unsubscribe the lead from every campaign of the account, not just -CampaignId.</para></summary>
    [Parameter]
    public SwitchParameter Global { get; set; }

    /// <summary><para type="description">Unsubscribe without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (!Global.IsPresent)
        {
            Apply(smartlead, () => Confirm.UnlessForced(Target, "Unsubscribe Smartlead lead from the campaign (cannot be undone)", Force.IsPresent),
                smartlead.Leads.UnsubscribeAsync, $"Smartlead reports no change: lead {LeadId} was already unsubscribed from campaign {CampaignId}.");
            return;
        }

        long lead = LeadId;
        if (_unsubscribedEverywhere.Contains(lead))
        {
            WriteVerbose($"Lead {lead} was unsubscribed from every campaign earlier in this run; not sent again.");
            return;
        }

        Apply(smartlead, () => Confirm.UnlessForced($"Smartlead lead {lead}", "Unsubscribe Smartlead lead from every campaign (cannot be undone)", Force.IsPresent) && _unsubscribedEverywhere.Add(lead),
            (campaignId, leadId, token) => smartlead.Leads.UnsubscribeEverywhereAsync(leadId, token),
            $"Smartlead reports no change: lead {LeadId} was already unsubscribed from every campaign.", everyCampaign: true);
    }
}

/// <summary>
/// <para type="synopsis">Sets a lead's category in a Smartlead campaign (Interested, Meeting Booked, ...).</para>
/// <para type="description">Sends POST /campaigns/{id}/leads/{lead_id}/category with the category id (Get-SmartleadLeadCategory lists them; -CategoryId completes them). -PauseLead also pauses the lead (the docs site's pause_lead). An unknown category is reported as SmartleadLeadCategoryNotFound.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: mark one lead as Meeting Booked (category 3).</para>
/// <code>
/// Set-SmartleadLeadCategory -CampaignId 125 -LeadId 100001 -CategoryId 3
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: every lead that replied in campaign 125 becomes Interested and is paused, so a person takes over.</para>
/// <code>
/// Get-SmartleadLead -CampaignId 125 -EmailStatus Replied -All | Set-SmartleadLeadCategory -CategoryId 1 -PauseLead
/// </code>
/// </example>
/// <seealso cref="GetSmartleadLeadCategoryCommand"/>
/// <seealso cref="GetSmartleadLeadCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadLeadCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaignLead))]
public sealed class SetSmartleadLeadCategoryCommand : SmartleadLeadChangeCmdlet
{
    /// <summary><para type="description">The category to give the lead (Get-SmartleadLeadCategory lists them). Not taken from piped leads, which carry their current one.</para></summary>
    [Parameter(Mandatory = true, Position = 2)]
    [Alias("category_id")]
    [ArgumentCompleter(typeof(SmartleadLeadCategoryCompleter))]
    public long CategoryId { get; set; }

    /// <summary><para type="description">Also pause the lead.</para></summary>
    [Parameter]
    public SwitchParameter PauseLead { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long categoryId = CategoryId;
        bool pause = PauseLead.IsPresent;
        if (TryValidate(() => SmartleadIds.Check("CategoryId", categoryId), RecordFor(LeadId)))
        {
            Apply(smartlead, () => Confirm.Change(Target, $"Set Smartlead lead category {categoryId}{(pause ? " and pause the lead" : string.Empty)}"),
                Always((campaignId, leadId, token) => smartlead.Leads.SetCategoryAsync(campaignId, leadId, categoryId, pause, token)), string.Empty);
        }
    }
}

/// <summary>
/// <para type="synopsis">Removes a lead from a Smartlead campaign, with its activity there. This cannot be undone.</para>
/// <para type="description">Sends DELETE /campaigns/{id}/leads/{lead_id}; the lead stays in the account's other campaigns. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false, and -WhatIf shows what would be removed. Writes nothing. To stop emails but keep the lead, use Suspend-SmartleadLead or Unregister-SmartleadLead.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see which bounced leads would be removed, then remove them (each one asks).</para>
/// <code>
/// Get-SmartleadLead -CampaignId 125 -Status Bounced -All | Remove-SmartleadLead -WhatIf
/// Get-SmartleadLead -CampaignId 125 -Status Bounced -All | Remove-SmartleadLead
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: remove the leads listed in cleanup.csv (campaign_id and lead_id columns) without prompting; failures are kept in $failed.</para>
/// <code>
/// Import-Csv cleanup.csv | Remove-SmartleadLead -Force -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="GetSmartleadLeadCommand"/>
/// <seealso cref="UnregisterSmartleadLeadCommand"/>
[Cmdlet(VerbsCommon.Remove, "SmartleadLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveSmartleadLeadCommand : SmartleadLeadCmdlet
{
    /// <summary><para type="description">Remove without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Send(() => Confirm.UnlessForced(Target, "Remove Smartlead lead from the campaign (cannot be undone)", Force.IsPresent),
            async (campaignId, leadId, token) =>
            {
                await smartlead.Leads.DeleteAsync(campaignId, leadId, token).ConfigureAwait(false);
                return true;
            },
            _ => { });
}
