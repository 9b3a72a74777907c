using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Gets a Smartlead campaign's sequence: its steps, as the objects Set-SmartleadSequence takes, so get, change and set round-trips.</para>
/// <para type="description">Reads GET /campaigns/{id}/sequences. Each step has its Number, Subject, Body, DelayDays and A/B Variants (label, subject, body, distribution), plus the Id and CampaignId it was read with: set back on the same campaign, steps and variants keep their ids and are updated in place; set on another campaign, they are created there (a copy). Campaigns pipe in from Get-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: read the sequence, wait five days before the follow-up instead, and save it.</para>
/// <code>
/// $steps = Get-SmartleadSequence -CampaignId 125
/// $steps[1].DelayDays = 5
/// Set-SmartleadSequence -CampaignId 125 -Step $steps
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: copy campaign 125's sequence, variants included, to every draft Q2 campaign.</para>
/// <code>
/// $steps = Get-SmartleadSequence -CampaignId 125
/// Get-SmartleadCampaign -Name 'Q2*' | Where-Object Status -eq 'DRAFTED' | Set-SmartleadSequence -Step $steps
/// </code>
/// </example>
/// <seealso cref="SetSmartleadSequenceCommand"/>
/// <seealso cref="GetSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadSequence")]
[OutputType(typeof(SmartleadSequenceStep))]
public sealed class GetSmartleadSequenceCommand : SmartleadCampaignReadCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) => Read(smartlead.GetSequenceAsync);
}

/// <summary>
/// <para type="synopsis">Gets Smartlead email accounts (mailboxes) with their health: the account's list, one by id, or a campaign's.</para>
/// <para type="description">Without parameters it lists the account's mailboxes (GET /email-accounts/, 100 per request: -All for every page, -First for N). -EmailAccountId reads one (GET /email-accounts/{id}); -CampaignId, or campaigns piped from Get-SmartleadCampaign, lists the mailboxes a campaign sends from. Each shows what to check before starting a campaign: ConnectionStatus (and ConnectionError), IsSuspended, MaxEmailPerDay and DailySentCount, and warmup (WarmupEnabled, WarmupStatus, WarmupPerDay, WarmupReputation). Mailbox passwords, which the docs site's answers carry, are never read.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: check the mailboxes of campaign 125 before starting it.</para>
/// <code>
/// Get-SmartleadEmailAccount -CampaignId 125 | Format-List -Property 'FromEmail', 'ConnectionStatus', 'ConnectionError', 'IsSuspended', 'WarmupReputation'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: refuse to start a campaign while one of its mailboxes is disconnected or suspended.</para>
/// <code>
/// $unhealthy = Get-SmartleadEmailAccount -CampaignId 125 | Where-Object { $_.ConnectionStatus -ne 'CONNECTED' -or $_.IsSuspended }
/// if ($unhealthy) { throw "Not starting: $($unhealthy.FromEmail -join ', ') need attention." }
/// Start-SmartleadCampaign -CampaignId 125 -Force
/// </code>
/// </example>
/// <seealso cref="AddSmartleadEmailAccountCommand"/>
/// <seealso cref="RemoveSmartleadEmailAccountCommand"/>
/// <seealso cref="GetSmartleadWarmupStatisticCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadEmailAccount", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SmartleadEmailAccount))]
public sealed class GetSmartleadEmailAccountCommand : PagedCmdlet<SmartleadClient>
{
    private const string ListSet = "List";
    private const string CampaignSet = "Campaign";
    private const string ByIdSet = "ById";

    /// <summary><para type="description">The campaign whose mailboxes to list; binds from the Id of a piped campaign.</para></summary>
    [Parameter(ParameterSetName = CampaignSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">One mailbox; binds from the EmailAccountId of Get-SmartleadAnalytics -By Mailbox rows, or a plain id piped by value.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("email_account_id")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long EmailAccountId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        switch (ParameterSetName)
        {
            case CampaignSet:
                long campaignId = CampaignId;
                if (TryAwait(token => smartlead.GetEmailAccountsAsync(campaignId, token), campaignId, out IReadOnlyList<SmartleadEmailAccount> accounts))
                {
                    WriteObject(First.HasValue ? accounts.Take(First.Value) : accounts, enumerateCollection: true);
                }

                break;
            case ByIdSet:
                long accountId = EmailAccountId;
                if (TryAwait(token => smartlead.Mailboxes.GetAsync(accountId, token), accountId, out SmartleadEmailAccount account))
                {
                    WriteObject(account);
                }

                break;
            default:
                WritePages((cursor, token) => smartlead.Mailboxes.GetPageAsync(cursor, null, token), null);
                break;
        }
    }
}

/// <summary>
/// <para type="synopsis">Takes sending email accounts (mailboxes) off a Smartlead campaign; its leads move to the campaign's other mailboxes.</para>
/// <para type="description">Sends DELETE /campaigns/{id}/email-accounts with the account ids. The mailboxes stay in the account and in other campaigns; Add-SmartleadEmailAccount puts them back. ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false. The campaign binds from the pipeline (Id or campaign_id); -PassThru writes it on.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: take the disconnected mailbox 458 off campaign 125 (it asks first).</para>
/// <code>
/// Remove-SmartleadEmailAccount -CampaignId 125 -EmailAccountId 458
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: take every disconnected mailbox off every active campaign without prompting.</para>
/// <code>
/// $broken = @(Get-SmartleadEmailAccount -All | Where-Object ConnectionStatus -ne 'CONNECTED' | ForEach-Object Id)
/// if ($broken) { Get-SmartleadCampaign | Where-Object Status -eq 'ACTIVE' | Remove-SmartleadEmailAccount -EmailAccountId $broken -Force }
/// </code>
/// </example>
/// <seealso cref="AddSmartleadEmailAccountCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsCommon.Remove, "SmartleadEmailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class RemoveSmartleadEmailAccountCommand : SmartleadCampaignChangeCmdlet
{
    /// <summary><para type="description">The email account ids to take off, e.g. 458.</para></summary>
    [Parameter(Mandatory = true)]
    [Alias("email_account_ids")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long[] EmailAccountId { get; set; } = Array.Empty<long>();

    /// <summary><para type="description">Remove without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long[] accounts = EmailAccountId ?? Array.Empty<long>();
        Apply(smartlead,
            () =>
            {
                if (accounts.Length == 0)
                {
                    throw new InputValidationException("SmartleadInvalidEmailAccountId", "EmailAccountId", "EmailAccountId is empty. Give at least one email account id, e.g. -EmailAccountId 458.");
                }

                foreach (long id in accounts)
                {
                    SmartleadIds.Check("EmailAccountId", id);
                }
            },
            () => Confirm.UnlessForced(Target, $"Remove Smartlead email accounts {string.Join(", ", accounts)} from the campaign", Force.IsPresent),
            (id, token) => smartlead.Mailboxes.RemoveFromCampaignAsync(id, accounts, token));
    }
}
