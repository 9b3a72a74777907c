using CampaignPS.Engine.Loops;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Gets the Loops mailing lists, optionally filtered by name (wildcards allowed).</para>
/// <para type="description">Loops returns all mailing lists in one answer; -Name filters them by name (wildcards allowed, case-insensitive). Use the output's Id with -MailingListId of New-LoopsCampaign or Set-LoopsCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list the mailing lists.</para>
/// <code>
/// Get-LoopsMailingList | Format-Table -Property 'Name', 'Id', 'IsPublic'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: look a list up by name and create this month's newsletter for it; stop when the list does not exist.</para>
/// <code>
/// $list = Get-LoopsMailingList -Name 'Newsletter'
/// if (-not $list) { throw 'Mailing list Newsletter not found.' }
/// New-LoopsCampaign -Name "Newsletter $(Get-Date -Format yyyy-MM)" -MailingListId $list.Id
/// </code>
/// </example>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsAudienceSegmentCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsMailingList")]
[OutputType(typeof(LoopsMailingList))]
public sealed class GetLoopsMailingListCommand : PlatformCmdlet<LoopsClient>
{
    /// <summary><para type="description">Only lists whose name matches (wildcards allowed).</para></summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        if (!TryAwait(loops.GetMailingListsAsync, Name, out IReadOnlyList<LoopsMailingList> lists))
        {
            return;
        }

        var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
        foreach (LoopsMailingList list in lists.Where(l => pattern == null || pattern.IsMatch(l.Name)))
        {
            WriteObject(list);
        }
    }
}

/// <summary>
/// <para type="synopsis">Gets Loops audience segments: one by id, the first page, every page (-All) or the first N (-First).</para>
/// <para type="description">Without -AudienceSegmentId it reads the first page (-PageSize per request, 10 to 50); -All reads every page and -First stops after that many segments. Use the output's Id with -AudienceSegmentId of New-LoopsCampaign or Set-LoopsCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: find segments by name.</para>
/// <code>
/// Get-LoopsAudienceSegment -All | Where-Object Name -like '*trial*'
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: create one check-in draft per segment, as many in flight as keep Loops' rate limit busy.</para>
/// <code>
/// Get-LoopsAudienceSegment -All |
///     Select-Object @{ Name = 'Name'; Expression = { "Check-in: $($_.Name)" } }, @{ Name = 'AudienceSegmentId'; Expression = { $_.Id } } |
///     New-LoopsCampaign
/// </code>
/// </example>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="GetLoopsMailingListCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsAudienceSegment", DefaultParameterSetName = ListSet)]
[OutputType(typeof(LoopsAudienceSegment))]
public sealed class GetLoopsAudienceSegmentCommand : CursorListCmdlet<LoopsClient, LoopsAudienceSegment>
{
    /// <summary>Creates the cmdlet.</summary>
    public GetLoopsAudienceSegmentCommand()
        : base((client, id, token) => client.GetAudienceSegmentAsync(id, token), (client, cursor, size, token) => client.GetAudienceSegmentPageAsync(cursor, size, token))
    {
    }

    /// <summary><para type="description">The audience segment id.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsAudienceSegmentCompleter))]
    public string? AudienceSegmentId { get; set; }

    /// <inheritdoc />
    protected override string? RequestedId => AudienceSegmentId;
}

/// <summary>
/// <para type="synopsis">Gets Loops campaign groups: one by id, the first page, every page (-All) or the first N (-First).</para>
/// <para type="description">Without -CampaignGroupId it reads the first page (-PageSize per request, 10 to 50); -All reads every page and -First stops after that many groups. Use the output's Id with -CampaignGroupId of New-LoopsCampaign or Set-LoopsCampaign.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: list the campaign groups.</para>
/// <code>
/// Get-LoopsCampaignGroup -All | Format-Table -Property 'Name', 'Id', 'Description'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: file new campaigns under a group, creating the group when it is missing.</para>
/// <code>
/// $group = Get-LoopsCampaignGroup -All | Where-Object Name -eq 'Newsletters'
/// if (-not $group) { $group = New-LoopsCampaignGroup -Name 'Newsletters' }
/// Import-Csv campaigns.csv | New-LoopsCampaign -CampaignGroupId $group.Id
/// </code>
/// </example>
/// <seealso cref="NewLoopsCampaignGroupCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsCampaignGroup", DefaultParameterSetName = ListSet)]
[OutputType(typeof(LoopsCampaignGroup))]
public sealed class GetLoopsCampaignGroupCommand : CursorListCmdlet<LoopsClient, LoopsCampaignGroup>
{
    /// <summary>Creates the cmdlet.</summary>
    public GetLoopsCampaignGroupCommand()
        : base((client, id, token) => client.GetCampaignGroupAsync(id, token), (client, cursor, size, token) => client.GetCampaignGroupPageAsync(cursor, size, token))
    {
    }

    /// <summary><para type="description">The campaign group id.</para></summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
    public string? CampaignGroupId { get; set; }

    /// <inheritdoc />
    protected override string? RequestedId => CampaignGroupId;
}

/// <summary>
/// <para type="synopsis">Creates a Loops campaign group.</para>
/// <para type="description">Creates a group to file campaigns under (-CampaignGroupId of New-LoopsCampaign and Set-LoopsCampaign). One group per input record: pipe Import-Csv rows with Name and Description columns; a bad row is reported and the rest go on. The name 'Unsorted' is reserved.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: create a group.</para>
/// <code>
/// New-LoopsCampaignGroup -Name 'Newsletters' -Description 'Monthly'
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: create the groups listed in groups.csv (Name and Description columns).</para>
/// <code>
/// Import-Csv groups.csv | New-LoopsCampaignGroup -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="GetLoopsCampaignGroupCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
[Cmdlet(VerbsCommon.New, "LoopsCampaignGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsCampaignGroup))]
public sealed class NewLoopsCampaignGroupCommand : BulkCmdlet<LoopsClient>
{
    /// <summary><para type="description">The group name (not the reserved 'Unsorted').</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">An optional description.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var request = new NewLoopsCampaignGroup { Name = Name, Description = Given(Description) };
        Submit(request, request.Validate,
            () => Confirm.Change($"Loops campaign group '{request.Name}'", "Create Loops campaign group"),
            token => loops.CreateCampaignGroupAsync(request, token),
            WriteObject);
    }
}
