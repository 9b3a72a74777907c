using System.Collections;
using System.IO;
using CampaignPS.Engine.Loops;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Gets a Loops campaign's all-time engagement counters: sends, opens, clicks, unsubscribes, spam reports and bounces.</para>
/// <para type="description">Reads GET /campaigns/{id}/metrics (Loops API 1.22) for each campaign: pipe campaigns from Get-LoopsCampaign, or give -CampaignId. Opens and clicks count sends, not events (a send opened five times counts once); OpenRate, ClickRate and BounceRate are per send, 0 to 1. A campaign that does not exist is reported as LoopsCampaignNotFound and the rest go on.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: the counters of one campaign.</para>
/// <code>
/// Get-LoopsCampaignMetric -CampaignId cmp_123
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: export the counters of every sent campaign to CSV, with the campaign name beside them.</para>
/// <code>
/// Get-LoopsCampaign -All | Where-Object Status -eq 'Sent' | ForEach-Object {
///     $metric = $_ | Get-LoopsCampaignMetric
///     [pscustomobject]@{ Name = $_.Name; Sends = $metric.Sends; Opens = $metric.Opens; Clicks = $metric.Clicks; Bounces = $metric.Bounces }
/// } | Export-Csv metrics.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="GetLoopsCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsCampaignMetric")]
[OutputType(typeof(LoopsCampaignMetric))]
public sealed class GetLoopsCampaignMetricCommand : PlatformCmdlet<LoopsClient>
{
    /// <summary><para type="description">The campaign; binds from the Id of Get-LoopsCampaign or New-LoopsCampaign output, or a plain id piped by value.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignCompleter))]
    public string CampaignId { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        if (TryAwait(token => loops.GetCampaignMetricsAsync(CampaignId, token), CampaignId, out LoopsCampaignMetric metric))
        {
            WriteObject(metric);
        }
    }
}

/// <summary>
/// <para type="synopsis">Runs Loops' Guardian pre-send checks on an email message and writes what it finds.</para>
/// <para type="description">Guardian checks links, buttons, contact properties and their fallbacks, as the Loops editor does. Each finding is written as an object: Severity Error must be fixed before the email can be published or sent, Warning is advice. Nothing is written when the email is clean. -Quiet writes one Boolean per message instead: True when Guardian found no error. Pipe campaigns from Get-LoopsCampaign (their EmailMessageId binds) or messages from Get-LoopsEmailMessage. Reads only; nothing changes.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: check a campaign's email before sending it.</para>
/// <code>
/// Get-LoopsCampaign -CampaignId cmp_123 | Test-LoopsEmailMessage
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: schedule the campaign only when Guardian finds no error.</para>
/// <code>
/// $campaign = Get-LoopsCampaign -CampaignId cmp_123
/// if ($campaign | Test-LoopsEmailMessage -Quiet) {
///     $campaign | Set-LoopsCampaign -ScheduleAt (Get-Date).AddHours(1) -Force
/// } else {
///     $campaign | Test-LoopsEmailMessage | Where-Object Severity -eq 'Error' | ForEach-Object { Write-Error $_.ToString() }
/// }
/// </code>
/// </example>
/// <seealso cref="SendLoopsEmailMessagePreviewCommand"/>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsDiagnostic.Test, "LoopsEmailMessage")]
[OutputType(typeof(LoopsGuardianFinding), typeof(bool))]
public sealed class TestLoopsEmailMessageCommand : PlatformCmdlet<LoopsClient>
{
    /// <summary><para type="description">The email message; binds from the EmailMessageId of campaigns and email messages.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string EmailMessageId { get; set; } = string.Empty;

    /// <summary><para type="description">Write only True (no errors, warnings allowed) or False per message.</para></summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        if (!TryAwait(token => loops.GetGuardianReportAsync(EmailMessageId, token), EmailMessageId, out LoopsGuardianReport report))
        {
            return;
        }

        if (Quiet.IsPresent)
        {
            WriteObject(report.Passed);
            return;
        }

        foreach (LoopsGuardianFinding finding in report.Findings)
        {
            WriteObject(finding);
        }
    }
}

/// <summary>
/// <para type="synopsis">Sends a preview (test send) of a Loops email message to the given addresses. This sends mail.</para>
/// <para type="description">Loops renders the email as it is saved and sends it to each -Email address; -ContactProperty fills merge tags such as {firstName}. Loops sends at most 100 previews per team and day (more addresses are refused before anything is sent; the daily limit is LoopsPreviewLimitReached). ConfirmImpact is High: it asks unless -Force or -Confirm:$false. Never re-sent when the outcome is unknown.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: send yourself a preview of a campaign's email, as Alex would see it.</para>
/// <code>
/// Get-LoopsCampaign -CampaignId cmp_123 | Send-LoopsEmailMessagePreview -Email me@example.com -ContactProperty @{ firstName = 'Alex' }
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: check with Guardian, then send the preview to the reviewers without prompting.</para>
/// <code>
/// $campaign = Get-LoopsCampaign -CampaignId cmp_123
/// if ($campaign | Test-LoopsEmailMessage -Quiet) {
///     $campaign | Send-LoopsEmailMessagePreview -Email 'review@example.com', 'legal@example.com' -Force
/// }
/// </code>
/// </example>
/// <seealso cref="TestLoopsEmailMessageCommand"/>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsCommunications.Send, "LoopsEmailMessagePreview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LoopsEmailPreviewResult))]
public sealed class SendLoopsEmailMessagePreviewCommand : BulkCmdlet<LoopsClient>
{
    /// <summary><para type="description">The email message; binds from the EmailMessageId of campaigns and email messages.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string EmailMessageId { get; set; } = string.Empty;

    /// <summary><para type="description">The addresses to send the preview to.</para></summary>
    [Parameter(Mandatory = true)]
    public string[] Email { get; set; } = Array.Empty<string>();

    /// <summary><para type="description">Contact property values to render, e.g. @{ firstName = 'Alex' }.</para></summary>
    [Parameter]
    public Hashtable? ContactProperty { get; set; }

    /// <summary><para type="description">Send without asking for confirmation.</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var preview = new LoopsEmailPreview
        {
            Emails = Email,
            ContactProperties = ContactProperty?.Cast<DictionaryEntry>().ToDictionary(e => e.Key?.ToString() ?? string.Empty, e => PowerShellRecords.Unwrap(e.Value)?.ToString() ?? string.Empty, StringComparer.Ordinal),
        };
        string emailMessageId = EmailMessageId;
        Submit(emailMessageId, preview.Validate,
            () => Confirm.UnlessForced($"Loops email message {emailMessageId}", $"Send a preview email to {string.Join(", ", Email)}", Force.IsPresent),
            token => loops.SendEmailMessagePreviewAsync(emailMessageId, preview, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Uploads an image to Loops and writes its public URL, for use in LMX.</para>
/// <para type="description">The documented two-step upload: Loops hands out a pre-signed URL, the file is PUT there (the Loops key stays with Loops' API host), and the upload is completed for the image's FinalUrl. Loops takes PNG, JPEG, GIF and WebP files of at most 4,000,000 bytes and a limited number of uploads per day (LoopsUploadLimitReached). Pipe files from Get-ChildItem. To upload the images an LMX file refers to and put their URLs in it, use Set-LoopsEmailMessage -LmxPath ... -UploadImage instead.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: upload a logo and copy its URL.</para>
/// <code>
/// (Publish-LoopsImage -Path ./logo.png).FinalUrl | Set-Clipboard
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: upload every PNG of a folder and keep the file-to-URL map.</para>
/// <code>
/// Get-ChildItem ./images -Filter *.png | Publish-LoopsImage | Export-Csv uploads.csv -NoTypeInformation
/// </code>
/// </example>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
[Cmdlet(VerbsData.Publish, "LoopsImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsUpload))]
public sealed class PublishLoopsImageCommand : BulkCmdlet<LoopsClient>
{
    /// <summary><para type="description">The image file; binds from the FullName of Get-ChildItem output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = string.Empty;

    /// <summary><para type="description">The MIME type (image/png, image/jpeg, image/gif or image/webp); taken from the file extension when omitted.</para></summary>
    [Parameter]
    [ValidateSet("image/png", "image/jpeg", "image/gif", "image/webp")]
    public string? ContentType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        if (!LoopsImageFiles.TryRead(this, Path, null, out LoopsImageUpload? image))
        {
            return;
        }

        image!.ContentType = ContentType ?? image.ContentType;
        Submit(Path, image.Validate,
            () => Confirm.Change($"Loops image '{image.FileName}'", "Upload image to Loops"),
            token => loops.UploadImageAsync(image, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Creates a Loops audience segment from a filter.</para>
/// <para type="description">A segment is a saved audience filter (@{ match = 'all' or 'any'; conditions = @(...) }, as for -AudienceFilter of New-LoopsCampaign) with a name unique in the team. Use the output's Id with -AudienceSegmentId of New-LoopsCampaign or Set-LoopsCampaign. One segment per input record; a name in use is reported as LoopsAudienceSegmentExists.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: a segment of the contacts who came from the website.</para>
/// <code>
/// $filter = @{ match = 'all'; conditions = @(@{ property = 'source'; operator = 'equals'; value = 'website' }) }
/// New-LoopsAudienceSegment -Name 'From the website' -Filter $filter
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: create the segment, then a draft campaign for it.</para>
/// <code>
/// $filter = '{"match":"any","conditions":[{"property":"userGroup","operator":"equals","value":"trial"}]}'
/// New-LoopsAudienceSegment -Name 'Trials' -Filter $filter |
///     Select-Object @{ Name = 'AudienceSegmentId'; Expression = { $_.Id } } |
///     New-LoopsCampaign -Name 'Trial check-in'
/// </code>
/// </example>
/// <seealso cref="GetLoopsAudienceSegmentCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
[Cmdlet(VerbsCommon.New, "LoopsAudienceSegment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsAudienceSegment))]
public sealed class NewLoopsAudienceSegmentCommand : BulkCmdlet<LoopsClient>
{
    /// <summary><para type="description">The segment name (unique in the team, at most 255 characters).</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = string.Empty;

    /// <summary><para type="description">An optional description (at most 1000 characters).</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary><para type="description">The filter as a hashtable (@{ match = 'all'; conditions = @(...) }) or JSON text.</para></summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public object Filter { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var request = new NewLoopsAudienceSegment { Name = Name, Description = Given(Description) };
        object? filter = Given(Filter);
        Submit(request,
            () =>
            {
                request.Filter = filter == null ? null : LoopsAudienceFilter.FromJson(PowerShellJson.ToJson(filter));
                request.Validate();
            },
            () => Confirm.Change($"Loops audience segment '{request.Name}'", "Create Loops audience segment"),
            token => loops.CreateAudienceSegmentAsync(request, token),
            WriteObject);
    }
}

/// <summary>
/// <para type="synopsis">Renames a Loops campaign group or changes its description.</para>
/// <para type="description">At least one of -Name and -Description. The reserved Unsorted group cannot be changed, and no group can take its name (LoopsCampaignGroupReserved); a name another group has is LoopsCampaignGroupExists. Writes nothing; -PassThru writes the group.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: rename a group.</para>
/// <code>
/// Set-LoopsCampaignGroup -CampaignGroupId grp_launches -Name 'Product launches' -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: set the descriptions listed in groups.csv (columns CampaignGroupId, Description).</para>
/// <code>
/// Import-Csv groups.csv | Set-LoopsCampaignGroup -ErrorVariable failed
/// </code>
/// </example>
/// <seealso cref="GetLoopsCampaignGroupCommand"/>
/// <seealso cref="NewLoopsCampaignGroupCommand"/>
[Cmdlet(VerbsCommon.Set, "LoopsCampaignGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoopsCampaignGroup))]
public sealed class SetLoopsCampaignGroupCommand : BulkChangeCmdlet<LoopsClient>
{
    /// <summary><para type="description">The group to change; binds from the Id of Get-LoopsCampaignGroup output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(LoopsCampaignGroupCompleter))]
    public string CampaignGroupId { get; set; } = string.Empty;

    /// <summary><para type="description">A new name (not 'Unsorted').</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary><para type="description">A new description.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var changes = new LoopsCampaignGroupChanges { Name = Given(Name), Description = Given(Description) };
        string groupId = CampaignGroupId;
        Submit(groupId, changes.Validate,
            () => Confirm.Change($"Loops campaign group {groupId}", "Update Loops campaign group"),
            token => loops.UpdateCampaignGroupAsync(groupId, changes, token),
            WriteIfPassThru);
    }
}

/// <summary>Reads image files for upload, reporting a path that cannot be read as an error against it.</summary>
internal static class LoopsImageFiles
{
    public static bool TryRead(PSCmdlet cmdlet, string path, string? baseDirectory, out LoopsImageUpload? image)
    {
        image = null;
        try
        {
            string resolved = baseDirectory != null && !System.IO.Path.IsPathRooted(path)
                ? System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, path))
                : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            string name = System.IO.Path.GetFileName(resolved);
            image = new LoopsImageUpload { Content = File.ReadAllBytes(resolved), FileName = name, ContentType = LoopsImageUpload.ContentTypeFor(name) };
            return true;
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || ProviderPaths.IsUnusable(exception))
        {
            cmdlet.WriteError(new ErrorRecord(exception, "LoopsImageFileUnreadable", ErrorCategory.ReadError, path)
            {
                ErrorDetails = new ErrorDetails($"The image '{InputRules.Show(path)}' cannot be read: {exception.Message}") { RecommendedAction = "Check the path (relative image paths in LMX are read from the LMX file's folder) and run the command again." },
            });
            return false;
        }
    }
}
