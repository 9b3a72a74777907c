using System.Collections;
using System.IO;
using System.Text;
using CampaignPS.Engine.Loops;

namespace CampaignPS.Cmdlets.Loops;

/// <summary>
/// <para type="synopsis">Gets a Loops campaign's email message, including its LMX and current ContentRevisionId.</para>
/// <para type="description">Reads the email message of a campaign by its id. EmailMessageId binds from New-LoopsCampaign and Get-LoopsCampaign output, so campaigns can be piped in. The output carries the LMX body and the current ContentRevisionId, which Set-LoopsEmailMessage needs for its next update.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: show the subject, sender and revision of a campaign's email.</para>
/// <code>
/// Get-LoopsCampaign -CampaignId cmp_123 | Get-LoopsEmailMessage | Format-List -Property 'Subject', 'FromName', 'FromEmail', 'ContentRevisionId'
/// </code>
/// </example>
/// <example>
/// <para type="description">Runbook: back up the LMX body of every campaign to a file named after the campaign id.</para>
/// <code>
/// Get-LoopsCampaign -All | Where-Object EmailMessageId | ForEach-Object {
///     $message = $_ | Get-LoopsEmailMessage
///     Set-Content -Path "$($_.Id).lmx" -Value $message.Lmx -Encoding utf8
/// }
/// </code>
/// </example>
/// <seealso cref="SetLoopsEmailMessageCommand"/>
/// <seealso cref="GetLoopsCampaignCommand"/>
[Cmdlet(VerbsCommon.Get, "LoopsEmailMessage")]
[OutputType(typeof(LoopsEmailMessage))]
public sealed class GetLoopsEmailMessageCommand : PlatformCmdlet<LoopsClient>
{
    /// <summary><para type="description">The email message id; binds from New-LoopsCampaign and Get-LoopsCampaign output.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string EmailMessageId { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        if (TryAwait(token => loops.GetEmailMessageAsync(EmailMessageId, token), EmailMessageId, out LoopsEmailMessage message))
        {
            WriteObject(message);
        }
    }
}

/// <summary>
/// <para type="synopsis">Sets the subject, sender, preview text, reply-to, format, language, fallbacks and LMX body of a Loops campaign's email message.</para>
/// <para type="description">Updates are guarded by the content revision (optimistic concurrency): the revision binds from New-LoopsCampaign (EmailMessageContentRevisionId) or from a previous Set-/Get-LoopsEmailMessage (ContentRevisionId), or pass -ExpectedRevisionId. -Force reads the current revision first and overwrites whatever changed meanwhile. With -PassThru the output carries the new ContentRevisionId and CampaignId, so another update or Set-LoopsCampaign can follow in the same pipeline.</para>
/// </summary>
/// <example>
/// <para type="description">Interactive: write the email of a new campaign; the message id and revision come from the piped campaign.</para>
/// <code>
/// New-LoopsCampaign -Name 'Launch' |
///     Set-LoopsEmailMessage -Subject 'We launched' -FromName Acme -FromEmail hello -LmxPath ./launch.lmx -PassThru
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: change the preview text of whatever revision is current. Without -Force a stale revision fails with LoopsRevisionStale.</para>
/// <code>
/// Set-LoopsEmailMessage -EmailMessageId em_123 -PreviewText 'Read on' -Force
/// </code>
/// </example>
/// <example>
/// <para type="description">Bulk: set the same reply-to address on every draft, the updates paced to Loops' limit; each campaign brings its own message id and revision.</para>
/// <code>
/// Get-LoopsCampaign -All |
///     Where-Object Status -eq 'Draft' |
///     Set-LoopsEmailMessage -ReplyToEmail 'support@example.com' -ErrorVariable failed
/// </code>
/// </example>
/// <example>
/// <para type="description">Interactive: save an LMX file whose images are local files; -UploadImage uploads them (relative to the LMX file's folder) and saves the LMX with their Loops URLs. Also set a fallback for {firstName} and the language.</para>
/// <code>
/// Set-LoopsEmailMessage -EmailMessageId em_123 -LmxPath ./mail/launch.lmx -UploadImage -ContactPropertyFallback @{ firstName = 'there' } -LanguageCode en -Force
/// </code>
/// </example>
/// <seealso cref="GetLoopsEmailMessageCommand"/>
/// <seealso cref="NewLoopsCampaignCommand"/>
/// <seealso cref="SetLoopsCampaignCommand"/>
/// <seealso cref="PublishLoopsImageCommand"/>
/// <seealso cref="TestLoopsEmailMessageCommand"/>
[Cmdlet(VerbsCommon.Set, "LoopsEmailMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FieldsSet)]
[OutputType(typeof(LoopsEmailMessage))]
public sealed class SetLoopsEmailMessageCommand : BulkChangeCmdlet<LoopsClient>
{
    private const string FieldsSet = "Fields";
    private const string LmxSet = "Lmx";
    private const string LmxPathSet = "LmxPath";

    /// <summary><para type="description">The email message to change.</para></summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string EmailMessageId { get; set; } = string.Empty;

    /// <summary><para type="description">The content revision these changes are based on.</para></summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("EmailMessageContentRevisionId", "ContentRevisionId")]
    public string? ExpectedRevisionId { get; set; }

    /// <summary><para type="description">Subject line.</para></summary>
    [Parameter]
    public string? Subject { get; set; }

    /// <summary><para type="description">Preview text shown after the subject in most inboxes.</para></summary>
    [Parameter]
    public string? PreviewText { get; set; }

    /// <summary><para type="description">Sender name.</para></summary>
    [Parameter]
    public string? FromName { get; set; }

    /// <summary><para type="description">Sender user name only (e.g. 'hello'); Loops appends the team's sending domain.</para></summary>
    [Parameter]
    public string? FromEmail { get; set; }

    /// <summary><para type="description">Reply-to address; an empty string clears it.</para></summary>
    [Parameter]
    [AllowEmptyString]
    public string? ReplyToEmail { get; set; }

    /// <summary><para type="description">The body as LMX text (at most 100 KB).</para></summary>
    [Parameter(ParameterSetName = LmxSet, Mandatory = true)]
    public string? Lmx { get; set; }

    /// <summary><para type="description">A file holding the LMX body (UTF-8, at most 100 KB).</para></summary>
    [Parameter(ParameterSetName = LmxPathSet, Mandatory = true)]
    [Alias("Path")]
    public string? LmxPath { get; set; }

    /// <summary><para type="description">How the email is rendered: styled or plain.</para></summary>
    [Parameter]
    [ValidateSet("styled", "plain")]
    public string? EmailFormat { get; set; }

    /// <summary><para type="description">The email's language as an ISO 639-1 code, e.g. en or fr.</para></summary>
    [Parameter]
    public string? LanguageCode { get; set; }

    /// <summary><para type="description">Fallbacks for contact properties, e.g. @{ firstName = 'there' }: a value sets the fallback, $null deletes it, properties not named stay as they are.</para></summary>
    [Parameter]
    public Hashtable? ContactPropertyFallback { get; set; }

    /// <summary><para type="description">Upload the local images the LMX refers to (src="logo.png", relative to the LMX file's folder, or to the current folder with -Lmx) and put their Loops URLs in the LMX before it is saved.</para></summary>
    [Parameter(ParameterSetName = LmxSet)]
    [Parameter(ParameterSetName = LmxPathSet)]
    public SwitchParameter UploadImage { get; set; }

    /// <summary><para type="description">Update the latest revision, whatever it is (reads it first).</para></summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecordWith(LoopsClient loops)
    {
        var changes = new LoopsEmailMessageChanges
        {
            ExpectedRevisionId = ExpectedRevisionId,
            Subject = Subject,
            PreviewText = PreviewText,
            FromName = FromName,
            FromEmail = FromEmail,
            ReplyToEmail = ReplyToEmail,
            Lmx = Lmx,
            EmailFormat = EmailFormat,
            LanguageCode = LanguageCode,
            ContactPropertiesFallbacks = ContactPropertyFallback?.Cast<DictionaryEntry>().ToDictionary(e => e.Key?.ToString() ?? string.Empty, e => PowerShellRecords.Unwrap(e.Value)?.ToString(), StringComparer.Ordinal),
        };
        if (LmxPath != null && !TryReadLmx(LmxPath, changes))
        {
            return;
        }

        var images = new Dictionary<string, LoopsImageUpload>(StringComparer.Ordinal);
        if (UploadImage.IsPresent && !TryReadImages(changes.Lmx ?? string.Empty, images))
        {
            return;
        }

        string emailMessageId = EmailMessageId;
        bool force = Force.IsPresent;
        Submit(emailMessageId,
            () =>
            {
                changes.Validate();
                foreach (LoopsImageUpload image in images.Values)
                {
                    image.Validate();
                }
            },
            () => Confirm.Change($"Loops email message {emailMessageId}", images.Count == 0 ? "Update Loops email message" : $"Upload {images.Count} image(s) and update Loops email message"),
            async token =>
            {
                if (images.Count > 0)
                {
                    changes.Lmx = (await loops.UploadLmxImagesAsync(changes.Lmx!, images, token).ConfigureAwait(false)).Lmx;
                }

                return await loops.UpdateEmailMessageAsync(emailMessageId, changes, force, token).ConfigureAwait(false);
            },
            message =>
            {
                foreach (string warning in message.Warnings)
                {
                    WriteWarning($"Loops LMX warning: {warning}");
                }

                WriteIfPassThru(message);
            });
    }

    // Every local image the LMX names, read now so that a missing file fails before anything is sent.
    private bool TryReadImages(string lmx, Dictionary<string, LoopsImageUpload> images)
    {
        string folder = LmxPath != null
            ? System.IO.Path.GetDirectoryName(SessionState.Path.GetUnresolvedProviderPathFromPSPath(LmxPath)) ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath
            : SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        foreach (string source in LoopsLmxImages.LocalSources(lmx))
        {
            if (!LoopsImageFiles.TryRead(this, source, folder, out LoopsImageUpload? image))
            {
                return false;
            }

            images[source] = image!;
        }

        if (images.Count == 0)
        {
            WriteWarning("-UploadImage: the LMX refers to no local image (src=\"...\" with a file path); nothing to upload.");
        }

        return true;
    }

    private bool TryReadLmx(string path, LoopsEmailMessageChanges changes)
    {
        try
        {
            string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            changes.Lmx = File.ReadAllText(resolved, Encoding.UTF8);
            return true;
        }
        catch (Exception exception) when (ProviderPaths.IsUnusable(exception))
        {
            // A path PowerShell or the file system cannot use (an unknown drive, a character no file name may hold).
            WriteError(new ErrorRecord(exception, "LoopsInvalidLmxPath", ErrorCategory.InvalidArgument, path)
            {
                ErrorDetails = new ErrorDetails($"LmxPath '{InputRules.Show(path)}' is not a file path that can be read: {exception.Message}") { RecommendedAction = "Correct -LmxPath and run the command again." },
            });
            return false;
        }
        catch (IOException exception)
        {
            WriteError(new ErrorRecord(exception, "LoopsLmxFileUnreadable", ErrorCategory.ReadError, path));
            return false;
        }
        catch (System.UnauthorizedAccessException exception)
        {
            WriteError(new ErrorRecord(exception, "LoopsLmxFileUnreadable", ErrorCategory.PermissionDenied, path));
            return false;
        }
    }
}
