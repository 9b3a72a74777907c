using CampaignPS.Engine.Smartlead;

namespace CampaignPS.Cmdlets.Smartlead;

/// <summary>
/// <para type="synopsis">Creates a Smartlead campaign in DRAFTED status.</para>
/// <para type="description">The name is optional (Smartlead calls it "Untitled Campaign"). The output pipes into Set-SmartleadSequence, Add-SmartleadEmailAccount, Add-SmartleadLead, Set-SmartleadSchedule, Set-SmartleadSetting and Start-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create a campaign and configure it in one pipeline; each step passes the campaign on with -PassThru.</para>
/// <code>
/// $steps = @(
///     @{ Subject = 'Quick question'; Body = 'Hi {{first_name}}, are you the right person for this?'; DelayDays = 0 }
///     @{ Subject = ''; Body = 'Following up on my note.'; DelayDays = 3 }
/// )
/// New-SmartleadCampaign -Name 'Q1 CFO outreach' |
///     Set-SmartleadSequence -Step $steps -PassThru |
///     Add-SmartleadEmailAccount -EmailAccountId 456, 457 -PassThru |
///     Set-SmartleadSchedule -TimeZone 'America/New_York' -Day 'Monday', 'Tuesday', 'Wednesday', 'Thursday' -StartHour 9 -EndHour 17 -PassThru |
///     Add-SmartleadLead -Lead (Import-Csv leads.csv) -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: one campaign per row of campaigns.csv (Name and client_id columns), paced to the key's limits, results in input order.</para>
/// <code>
/// Import-Csv campaigns.csv | New-SmartleadCampaign -ErrorVariable failed | Export-Csv created.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="SetSmartleadSequenceCommand"/>
/// <seealso cref="AddSmartleadEmailAccountCommand"/>
/// <seealso cref="AddSmartleadLeadCommand"/>
/// <seealso cref="StartSmartleadCampaignCommand"/>
/// <seealso cref="GetSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.New, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class NewSmartleadCampaignCommand : BulkCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign name.</para></summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Name { get; set; }

    /// <summary><para type="description">The agency client to file the campaign under.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("client_id")]
    public long? ClientId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        var request = new NewSmartleadCampaign { Name = this.IsGiven(nameof(Name)) ? Name : null, ClientId = ClientId };
        Submit(request, request.Validate,
            () => Confirm.Change($"Smartlead campaign '{request.Name ?? "Untitled Campaign"}'", "Create Smartlead campaign"),
            token => smartlead.CreateCampaignAsync(request, token),
            WriteObject);
    }

    /// <inheritdoc />
    protected override Func<CancellationToken, Task<object>>? JournalReadBack(SmartleadClient client, string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long campaignId)
            ? async token => await client.GetCampaignAsync(campaignId, token).ConfigureAwait(false)
            : null;

    /// <inheritdoc />
    protected override string JournalCheckHint(object? row) =>
        $"look for it with Get-SmartleadCampaign -Name '{WildcardPattern.Escape(Name ?? "Untitled Campaign").Replace("'", "''")}'";
}

/// <summary>
/// <para type="synopsis">Gets Smartlead campaigns: one by id, or all (optionally for one client, or by name with wildcards).</para>
/// <para type="description">With -CampaignId, or piped objects that have an Id or campaign_id, it reads one campaign; a missing one is reported as SmartleadCampaignNotFound. Without it, it lists the account's campaigns (or one agency client's with -ClientId), filtered by -Name (wildcards allowed, case-insensitive). The output pipes into the configuration and status cmdlets.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: find campaigns by name.</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Q1*' | Format-Table -Property 'Id', 'Name', 'Status'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: pause every active campaign of one agency client.</para>
/// <code>
/// Get-SmartleadCampaign -ClientId 42 | Where-Object Status -eq 'ACTIVE' | Suspend-SmartleadCampaign -PassThru
/// </code>
/// </example>
/// <seealso cref="NewSmartleadCampaignCommand"/>
/// <seealso cref="SuspendSmartleadCampaignCommand"/>
/// <seealso cref="RemoveSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "SmartleadCampaign", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SmartleadCampaign))]
public sealed class GetSmartleadCampaignCommand : PlatformCmdlet<SmartleadClient>
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary><para type="description">The campaign id.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">Only campaigns whose name matches (wildcards allowed).</para></summary>
    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <summary><para type="description">Only campaigns of this agency client.</para></summary>
    [Parameter(ParameterSetName = ListSet)]
    public long? ClientId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (ParameterSetName == ByIdSet)
        {
            if (TryAwait(token => smartlead.GetCampaignAsync(CampaignId, token), CampaignId, out SmartleadCampaign campaign))
            {
                WriteObject(campaign);
            }

            return;
        }

        if (!TryAwait(token => smartlead.GetCampaignsAsync(ClientId, token), ClientId, out IReadOnlyList<SmartleadCampaign> campaigns))
        {
            return;
        }

        var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        foreach (SmartleadCampaign campaign in campaigns.Where(c => pattern == null || pattern.IsMatch(c.Name)))
        {
            WriteObject(campaign);
        }
    }
}

/// <summary>
/// <para type="synopsis">Deletes a Smartlead campaign with all its leads, sequences and statistics. This cannot be undone.</para>
/// <para type="description">ConfirmImpact is High: the cmdlet asks unless -Force or -Confirm:$false, and -WhatIf shows what would be deleted. Campaigns can be piped in (Id or campaign_id). Writes nothing. To stop sending but keep the data, use Suspend-SmartleadCampaign or Stop-SmartleadCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: see which test campaigns would be deleted, then delete them (each one asks).</para>
/// <code>
/// Get-SmartleadCampaign -Name 'Test*' | Remove-SmartleadCampaign -WhatIf
/// Get-SmartleadCampaign -Name 'Test*' | Remove-SmartleadCampaign
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: delete the campaigns listed in cleanup.csv (a campaign_id column) without prompting; failures are kept in $failed.</para>
/// <code>
/// Import-Csv cleanup.csv | Remove-SmartleadCampaign -Force -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="GetSmartleadCampaignCommand"/>
/// <seealso cref="StopSmartleadCampaignCommand"/>
[Cmdlet(VerbsCommon.Remove, "SmartleadCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveSmartleadCampaignCommand : PlatformCmdlet<SmartleadClient>
{
    /// <summary><para type="description">The campaign to delete.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "campaign_id")]
    [ArgumentCompleter(typeof(SmartleadCampaignCompleter))]
    public long CampaignId { get; set; }

    /// <summary><para type="description">Delete without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(SmartleadClient smartlead)
    {
        if (Confirm.UnlessForced($"Smartlead campaign {CampaignId}", "Delete Smartlead campaign and all its leads (cannot be undone)", Force.IsPresent))
        {
            TryAwait(token => smartlead.DeleteCampaignAsync(CampaignId, token), CampaignId);
        }
    }
}
