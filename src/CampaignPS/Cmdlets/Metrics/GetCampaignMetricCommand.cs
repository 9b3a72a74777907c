using CampaignPS.Engine.Metrics;

namespace CampaignPS.Cmdlets.Metrics;

/// <summary>
/// <para type="synopsis">Gets the figures of campaigns of any platform in one shape: sent, delivered, opened, clicked, replied, bounced, unsubscribed and failed.</para>
/// <para type="description">Pipe campaigns of any of the four platforms (from Get-LoopsCampaign, Get-SmartleadCampaign, New-OutboxCampaign or Get-SmsCampaign, mixed in one pipeline), or give -Platform and -CampaignId. Each campaign gives one CampaignMetric with the same properties whatever its platform: Platform, CampaignId, CampaignName, Status, Sent, Delivered, Opened, Clicked, Replied, Bounced, Unsubscribed and Failed, so a runbook can put every platform in one table or one CSV. A figure the platform does not count is empty ($null), never 0: Loops counts sends, opens, clicks, bounces and unsubscribes (GET /campaigns/{id}/metrics); Smartlead sends, opens, clicks, replies, bounces and unsubscribes (GET /campaigns/{id}/analytics); Tether SMS sent and failed messages (the campaign's stats); Outbox sends, unique opens, unique clicks and replies.</para>
/// <para type="description">The campaign is read again, so name, status and figures are the server's as they are now, and the session's connection of each platform is used (Connect-Loops, Connect-Smartlead, Connect-SmsPlatform), or the one of that platform in -Connection. Outbox documents no campaign read: an Outbox campaign's figures are those of the piped campaign object, and an Outbox -CampaignId is reported as OutboxCampaignNotReadable. A campaign that cannot be read is reported with its platform's ErrorId (LoopsCampaignNotFound, SmartleadCampaignNotFound, SmsCampaignNotFound, ...) and the next one is read. Nothing is changed.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: the figures of the Smartlead and SMS campaigns side by side.</para>
/// <code>
/// @(Get-SmartleadCampaign) + @(Get-SmsCampaign) | Get-CampaignMetric | Format-Table
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: two Loops campaigns by id.</para>
/// <code>
/// Get-CampaignMetric -Platform Loops -CampaignId cmp_123, cmp_456
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: every campaign of all four platforms in one CSV with the same columns (Outbox's from the campaigns the runbook created).</para>
/// <code>
/// $outbox = New-OutboxCampaign -Name 'Q3 follow-up' -SenderIdentityId $senderId -TimeZone 'Europe/Berlin' -Confirm:$false
/// $campaigns = @(Get-LoopsCampaign -All) + @(Get-SmartleadCampaign) + @(Get-SmsCampaign) + $outbox
/// $campaigns | Get-CampaignMetric -ErrorAction Continue | Export-Csv campaign-metrics.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="Loops.GetLoopsCampaignMetricCommand"/>
/// <seealso cref="Smartlead.GetSmartleadCampaignAnalyticsCommand"/>
/// <seealso cref="Sms.GetSmsCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "CampaignMetric", DefaultParameterSetName = CampaignSet)]
[OutputType(typeof(CampaignMetric))]
public sealed class GetCampaignMetricCommand : CampaignCmdlet
{
    private const string CampaignSet = "Campaign";
    private const string IdSet = "Id";

    private readonly Dictionary<Platform, CampaignConnection> _connections = new Dictionary<Platform, CampaignConnection>();
    private PlatformInfo? _reading;

    /// <summary><para type="description">A campaign of any platform: the output of Get-LoopsCampaign, Get-SmartleadCampaign, New-OutboxCampaign or Get-SmsCampaign (and their New-/Set- cmdlets), from the pipeline.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CampaignSet)]
    [ValidateCampaignObject]
    public PSObject? InputObject { get; set; }

    /// <summary><para type="description">The platform of the campaigns given by -CampaignId: Loops, Smartlead, Outbox or Sms.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet)]
    public Platform Platform { get; set; }

    /// <summary><para type="description">The campaign ids as the platform spells them (Smartlead's are numbers).</para></summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public string[] CampaignId { get; set; } = Array.Empty<string>();

    /// <summary><para type="description">Connections to use, at most one per platform (from Connect-* -PassThru). A platform with none here uses the session's last Connect-* for it.</para></summary>
    [Parameter]
    [ValidateNotNull]
    public CampaignConnection[]? Connection { get; set; }

    /// <inheritdoc />
    protected override PlatformInfo? ReportingPlatform => _reading;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        foreach (IGrouping<Platform, CampaignConnection> twice in (Connection ?? Array.Empty<CampaignConnection>()).GroupBy(c => c.Platform).Where(g => g.Count() > 1))
        {
            PlatformInfo platform = PlatformInfo.For(twice.Key);
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"-Connection holds {twice.Count()} {platform.DisplayName} connections. Give at most one per platform."),
                platform.ErrorIdPrefix + "WrongConnection", ErrorCategory.InvalidArgument, Connection));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (string id in CampaignId)
            {
                Write(CampaignMetricTarget.ById(Platform, id));
            }
        }
        else
        {
            // Binding already refused anything that is not a campaign object (ValidateCampaignObject).
            Write(CampaignMetricTarget.Of(InputObject)!);
        }
    }

    private void Write(CampaignMetricTarget target)
    {
        _reading = PlatformInfo.For(target.Platform);
        if (target.OutboxCampaign != null)
        {
            WriteObject(OutboxMetricMapper.Map(target.OutboxCampaign));
        }
        else if (target.Platform == Platform.Outbox)
        {
            Report(CampaignMetricReader.OutboxCampaignNotReadable(target.CampaignId), target.Input);
        }
        else if (TryAwait(Reader(target), target.Input, out CampaignMetric metric))
        {
            WriteObject(metric);
        }
    }

    // The client is found here, on the pipeline thread; the read runs on the bridge.
    private Func<CancellationToken, Task<CampaignMetric>> Reader(CampaignMetricTarget target)
    {
        string id = target.CampaignId;
        CampaignConnection connection = ConnectionFor(target.Platform);
        return target.Platform switch
        {
            Platform.Loops => token => CampaignMetricReader.ReadAsync(connection.Loops, id, token),
            Platform.Smartlead => token => CampaignMetricReader.ReadAsync(connection.Smartlead, id, token),
            _ => token => CampaignMetricReader.ReadAsync(connection.Sms, id, token),
        };
    }

    private CampaignConnection ConnectionFor(Platform platform)
    {
        if (_connections.TryGetValue(platform, out CampaignConnection? known) && known != null)
        {
            return known;
        }

        CampaignConnection? given = Connection?.FirstOrDefault(c => c.Platform == platform);
        if (!ConnectionLookup.TryFind(PlatformInfo.For(platform), given, out CampaignConnection connection, out ErrorRecord refusal))
        {
            ThrowTerminatingError(refusal);
        }

        _connections[platform] = connection;
        return connection;
    }
}
