using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// Base of the cmdlets that change one mailbox: the email account binds from Get-SmartleadEmailAccount's output (Id) or an
/// email_account_id column, and -PassThru writes it read back from the server.
/// </summary>
public abstract class SmartleadEmailAccountChangeCmdlet : BulkChangeCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The email account; binds from the Id of Get-SmartleadEmailAccount output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "email_account_id")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long EmailAccountId { get; set; }

    /// <summary>The WhatIf/Confirm target.</summary>
    protected string Target => $"Smartlead email account {EmailAccountId}";

    /// <summary>Takes this record's mailbox through the bulk path; with -PassThru the account is read back (GET /email-accounts/{id}).</summary>
    protected void Apply(SmartleadClient smartlead, Action validate, Func<bool> confirmed, Func<long, CancellationToken, Task> change)
    {
        long accountId = EmailAccountId;
        bool passThru = PassThru.IsPresent;
        Submit(accountId, () =>
            {
                SmartleadIds.Check("EmailAccountId", accountId);
                validate();
            }, confirmed, async token =>
            {
                await change(accountId, token).ConfigureAwait(false);
                return passThru ? await smartlead.Mailboxes.GetAsync(accountId, token).ConfigureAwait(false) : null;
            }, WriteIfPassThru);
    }
}

/// <summary>
/// <para type="synopsis">Changes how a Smartlead mailbox warms up: on or off, emails per day, daily ramp-up, target reply rate.</para>
/// <para type="description">Sends POST /email-accounts/{id}/warmup. The docs site requires warmup_enabled and gives the ranges that are checked before sending: -PerDay 1 to 50, -DailyRampup 5 to 20, -ReplyRatePercentage 20 to 100. -Enabled:$false switches warmup off; without -Enabled the mailbox's current setting is read from the server and kept. -PassThru writes the mailbox with its health figures.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: warm mailbox 458 up with 15 emails a day, five more each day.</para>
/// <code>
/// Set-SmartleadWarmup -EmailAccountId 458 -Enabled -PerDay 15 -DailyRampup 5 -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: switch warmup on, conservatively, for every mailbox that has it off.</para>
/// <code>
/// Get-SmartleadEmailAccount -All | Where-Object WarmupEnabled -eq $false | Set-SmartleadWarmup -Enabled -PerDay 10 -DailyRampup 5
/// </code>
/// </example>
/// <seealso cref="GetSmartleadWarmupStatisticCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsCommon.Set, "SmartleadWarmup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadEmailAccount))]
public sealed class SetSmartleadWarmupCommand : SmartleadEmailAccountChangeCmdlet
{
    /// <summary><para type="description">Warmup on (-Enabled) or off (-Enabled:$false); the current setting is kept when left out.</para></summary>
    [Parameter]
    public SwitchParameter Enabled { get; set; }

    /// <summary><para type="description">Warmup emails per day, 1 to 50.</para></summary>
    [Parameter]
    public int? PerDay { get; set; }

    /// <summary><para type="description">How many more warmup emails each day, 5 to 20.</para></summary>
    [Parameter]
    public int? DailyRampup { get; set; }

    /// <summary><para type="description">Target reply rate of the warmup emails in percent, 20 to 100.</para></summary>
    [Parameter]
    public int? ReplyRatePercentage { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        bool? enabled = this.SwitchGiven(nameof(Enabled), Enabled);
        var settings = new SmartleadWarmupSettings { PerDay = PerDay, DailyRampup = DailyRampup, ReplyRatePercentage = ReplyRatePercentage };
        Apply(smartlead, settings.Validate,
            () => Confirm.Change(Target, enabled == false ? "Switch Smartlead warmup off" : "Change Smartlead warmup settings"),
            async (id, token) =>
            {
                settings.Enabled = enabled ?? (await smartlead.Mailboxes.GetAsync(id, token).ConfigureAwait(false)).WarmupEnabled ?? false;
                await smartlead.Mailboxes.SetWarmupAsync(id, settings, token).ConfigureAwait(false);
            });
    }
}

/// <summary>
/// <para type="synopsis">Gets a Smartlead mailbox's warmup statistics: sent, inbox, spam, reputation and the last days.</para>
/// <para type="description">Reads GET /email-accounts/{id}/warmup-stats. The API reference's answer gives totals and the days in warmup; the docs site's gives the totals and, in Daily, the last seven days. Mailboxes pipe in from Get-SmartleadEmailAccount.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: how is mailbox 456 warming up?</para>
/// <code>
/// Get-SmartleadWarmupStatistic -EmailAccountId 456
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: list the mailboxes whose warmup reputation fell below 90.</para>
/// <code>
/// Get-SmartleadEmailAccount -All | Get-SmartleadWarmupStatistic | Where-Object Reputation -lt 90
/// </code>
/// </example>
/// <seealso cref="SetSmartleadWarmupCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadWarmupStatistic")]
[OutputType(typeof(SmartleadWarmupStatistic))]
public sealed class GetSmartleadWarmupStatisticCommand : PlatformCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The email account; binds from the Id of Get-SmartleadEmailAccount output, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "email_account_id")]
    [ArgumentCompleter(typeof(SmartleadEmailAccountCompleter))]
    public long EmailAccountId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        long accountId = EmailAccountId;
        if (TryAwait(token => smartlead.Mailboxes.GetWarmupStatisticsAsync(accountId, token), accountId, out SmartleadWarmupStatistic statistic))
        {
            WriteObject(statistic);
        }
    }
}

/// <summary>
/// <para type="synopsis">Suspends a Smartlead mailbox: it sends nothing, in any campaign, until Resume-SmartleadEmailAccount.</para>
/// <para type="description">Sends PUT /email-accounts/suspend/{id}. An unknown account is reported as SmartleadEmailAccountNotFound (the docs site answers it with 400, the reference with 404). -PassThru writes the mailbox with its health figures.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: suspend mailbox 457 while its domain is checked.</para>
/// <code>
/// Suspend-SmartleadEmailAccount -EmailAccountId 457 -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: suspend every mailbox whose warmup reputation fell below 80.</para>
/// <code>
/// Get-SmartleadEmailAccount -All | Where-Object WarmupReputation -lt 80 | Suspend-SmartleadEmailAccount -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="ResumeSmartleadEmailAccountCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsLifecycle.Suspend, "SmartleadEmailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadEmailAccount))]
public sealed class SuspendSmartleadEmailAccountCommand : SmartleadEmailAccountChangeCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, () => { }, () => Confirm.Change(Target, "Suspend Smartlead email account (it stops sending)"), smartlead.Mailboxes.SuspendAsync);
}

/// <summary>
/// <para type="synopsis">Lets a suspended Smartlead mailbox send again.</para>
/// <para type="description">Sends DELETE /email-accounts/unsuspend/{id}. -PassThru writes the mailbox with its health figures.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: resume mailbox 457.</para>
/// <code>
/// Resume-SmartleadEmailAccount -EmailAccountId 457
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: resume every suspended mailbox that is connected again.</para>
/// <code>
/// Get-SmartleadEmailAccount -All | Where-Object { $_.IsSuspended -and $_.ConnectionStatus -eq 'CONNECTED' } | Resume-SmartleadEmailAccount -Confirm:$false
/// </code>
/// </example>
/// <seealso cref="SuspendSmartleadEmailAccountCommand"/>
/// <seealso cref="GetSmartleadEmailAccountCommand"/>
[Cmdlet(VerbsLifecycle.Resume, "SmartleadEmailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadEmailAccount))]
public sealed class ResumeSmartleadEmailAccountCommand : SmartleadEmailAccountChangeCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead) =>
        Apply(smartlead, () => { }, () => Confirm.Change(Target, "Resume Smartlead email account"), smartlead.Mailboxes.ResumeAsync);
}
