using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// Client for the Loops content API (campaigns, email messages, lists, segments, groups).
/// Usable from C# without PowerShell. Contract: Loops API reference 1.22.2 (official openapi.json,
/// see ../shared/api-specs/loops), with the 1.8.0 response shapes accepted as well.
/// </summary>
public sealed class LoopsClient : PlatformClient
{
    private static readonly ApiOperation TestKey = new ApiOperation("test API key", "ApiKey", RequestSafety.Read);
    private static readonly ApiOperation CreateCampaign = new ApiOperation("create campaign", "Campaign", RequestSafety.NonIdempotent);
    private static readonly ApiOperation GetCampaign = new ApiOperation("get campaign", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation ListCampaigns = new ApiOperation("list campaigns", "Campaign", RequestSafety.Read);
    private static readonly ErrorRule NotDraft = new ErrorRule(409, "CampaignNotDraft", FailureCategory.InvalidOperation,
        "The campaign is no longer a draft: once sending was scheduled or started only its name and group can change.", "draft");
    private static readonly ApiOperation UpdateCampaign = new ApiOperation("update campaign", "Campaign", RequestSafety.IdempotentWrite, NotDraft);
    private static readonly ApiOperation ScheduleCampaign = new ApiOperation("schedule campaign", "Campaign", RequestSafety.NonIdempotent, NotDraft);
    private static readonly ApiOperation GetEmailMessage = new ApiOperation("get email message", "EmailMessage", RequestSafety.Read,
        new ErrorRule(409, "EmailMessageNotEditable", FailureCategory.InvalidOperation, "This message uses MJML or content that cannot be parsed, so the API cannot read it; open it in the Loops app."));
    private static readonly ApiOperation UpdateEmailMessage = new ApiOperation("update email message", "EmailMessage", RequestSafety.NonIdempotent,
        new ErrorRule(409, "RevisionStale", FailureCategory.InvalidOperation,
            "The email message changed since that revision. Read the current ContentRevisionId with Get-LoopsEmailMessage, or use -Force to update the latest revision.", "stale"),
        NotDraft,
        new ErrorRule(409, "EmailMessageNotEditable", FailureCategory.InvalidOperation, "This message cannot be edited through the API (MJML format or content that cannot be parsed).", "MJML"),
        new ErrorRule(409, "EmailMessageNotEditable", FailureCategory.InvalidOperation, "This message cannot be edited through the API (MJML format or content that cannot be parsed).", "parse"),
        // The reference's other 409s of this update are about the revision (and a campaign that is no longer a draft).
        new ErrorRule(409, "RevisionStale", FailureCategory.InvalidOperation,
            "The email message is not at that revision any more. Read the current ContentRevisionId with Get-LoopsEmailMessage, or use -Force to update the latest revision (the campaign must still be a draft)."),
        new ErrorRule(413, "LmxTooLarge", FailureCategory.InvalidData, "Keep the LMX under 100 KB: move images to uploads or shorten the content."),
        new ErrorRule(422, "LmxInvalid", FailureCategory.InvalidData, "Fix the LMX markup the message points to."));
    private static readonly ApiOperation ListMailingLists = new ApiOperation("list mailing lists", "MailingList", RequestSafety.Read);
    private static readonly ApiOperation GetSegment = new ApiOperation("get audience segment", "AudienceSegment", RequestSafety.Read);
    private static readonly ApiOperation ListSegments = new ApiOperation("list audience segments", "AudienceSegment", RequestSafety.Read);
    private static readonly ApiOperation GetGroup = new ApiOperation("get campaign group", "CampaignGroup", RequestSafety.Read);
    private static readonly ApiOperation ListGroups = new ApiOperation("list campaign groups", "CampaignGroup", RequestSafety.Read);
    private static readonly ApiOperation CreateGroup = new ApiOperation("create campaign group", "CampaignGroup", RequestSafety.NonIdempotent,
        new ErrorRule(409, "CampaignGroupExists", FailureCategory.ResourceExists, "A group with that name exists already: use it (Get-LoopsCampaignGroup) or choose another name."));

    private static readonly ApiOperation UpdateGroup = new ApiOperation("update campaign group", "CampaignGroup", RequestSafety.IdempotentWrite,
        new ErrorRule(400, "CampaignGroupReserved", FailureCategory.InvalidOperation, "The reserved 'Unsorted' group cannot be renamed or edited, and no group can take its name.", "Unsorted"),
        new ErrorRule(409, "CampaignGroupExists", FailureCategory.ResourceExists, "Another group has that name already: choose another name."));
    private static readonly ApiOperation CreateSegment = new ApiOperation("create audience segment", "AudienceSegment", RequestSafety.NonIdempotent,
        new ErrorRule(400, "AudienceSegmentExists", FailureCategory.ResourceExists, "A segment with that name exists already: use it (Get-LoopsAudienceSegment) or choose another name.", "already"),
        new ErrorRule(400, "AudienceFilterTooLarge", FailureCategory.InvalidData, "The filter has more conditions than Loops allows: split it or simplify it.", "too many"));
    private static readonly ApiOperation GetMetrics = new ApiOperation("get campaign metrics", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation RunGuardian = new ApiOperation("run Guardian checks", "EmailMessage", RequestSafety.Read,
        new ErrorRule(409, "EmailMessageNotEditable", FailureCategory.InvalidOperation, "Guardian cannot check MJML email messages through the API; open it in the Loops app."));
    private static readonly ApiOperation SendPreview = new ApiOperation("send email preview", "EmailMessage", RequestSafety.NonIdempotent,
        new ErrorRule(429, "PreviewLimitReached", FailureCategory.LimitsExceeded, "Loops sends at most 100 preview emails per team and day: try again tomorrow.", "preview") { Final = true },
        new ErrorRule(400, "PreviewVariableRejected", FailureCategory.InvalidData, "This email's kind cannot use those variables: campaign previews take -ContactProperty only.", "propert"));
    private static readonly ApiOperation CreateUpload = new ApiOperation("create upload", "Upload", RequestSafety.NonIdempotent,
        new ErrorRule(400, "UploadTypeUnsupported", FailureCategory.InvalidData, "Loops takes image/jpeg, image/png, image/gif and image/webp.", "type"),
        new ErrorRule(413, "UploadTooLarge", FailureCategory.InvalidData, "Loops takes images of at most 4,000,000 bytes: make the image smaller."));
    private static readonly ApiOperation PutUpload = new ApiOperation("upload image", "Upload", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation CompleteUpload = new ApiOperation("complete upload", "Upload", RequestSafety.IdempotentWrite,
        new ErrorRule(429, "UploadLimitReached", FailureCategory.LimitsExceeded, "Loops takes a limited number of uploads per day (50 per 24 hours by default): try again later or ask Loops support.", "upload limit") { Final = true },
        new ErrorRule(400, "UploadTypeUnsupported", FailureCategory.InvalidData, "The uploaded file is not an image type Loops takes (jpeg, png, gif, webp)."));

    /// <summary>Creates a client; the base URI defaults to https://app.loops.so/api/v1/.</summary>
    /// <exception cref="Validation.InputValidationException">The base URI is not https (plain http is allowed for loopback only).</exception>
    public LoopsClient(ApiConnectionOptions options)
        : this(options, null)
    {
    }

    internal LoopsClient(ApiConnectionOptions options, Func<DateTimeOffset>? now)
        : base(PlatformInfo.Loops, options, new BearerAuthenticator(), now)
    {
    }

    /// <summary>Checks the key (GET /api-key) and returns the team it belongs to.</summary>
    public async Task<LoopsApiKeyInfo> TestApiKeyAsync(CancellationToken cancellationToken = default)
    {
        ApiKeyDto dto = await Transport.SendAsync<ApiKeyDto>(TestKey, HttpMethod.Get, "api-key", null, cancellationToken).ConfigureAwait(false);
        return new LoopsApiKeyInfo { TeamName = dto.TeamName };
    }

    /// <inheritdoc />
    private protected override async Task<string?> CheckKeyAsync(CancellationToken cancellationToken) =>
        (await TestApiKeyAsync(cancellationToken).ConfigureAwait(false)).TeamName;

    /// <summary>Creates a draft campaign (POST /campaigns). Never retried once it may have reached the server.</summary>
    public async Task<LoopsCampaign> CreateCampaignAsync(NewLoopsCampaign campaign, CancellationToken cancellationToken = default)
    {
        CampaignBody body = (campaign ?? throw new ArgumentNullException(nameof(campaign))).ToBody();
        CampaignDto dto = await Transport.SendCheckedAsync<CampaignDto>(CreateCampaign.About(References(body)), HttpMethod.Post, "campaigns", body, LoopsAnswers.CampaignId, cancellationToken).ConfigureAwait(false);
        return dto.ToModel().FilledFrom(body);
    }

    /// <summary>Reads one campaign (GET /campaigns/{id}).</summary>
    public async Task<LoopsCampaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("CampaignId", campaignId);
        CampaignDto dto = await Transport.SendAsync<CampaignDto>(GetCampaign.About(("Campaign", id)), HttpMethod.Get, "campaigns/" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads one page of campaigns (GET /campaigns); <paramref name="perPage"/> 10–50, default 20.</summary>
    public async Task<CursorPage<LoopsCampaign>> GetCampaignPageAsync(string? cursor = null, int? perPage = null, CancellationToken cancellationToken = default)
    {
        PageDto<CampaignDto> page = await Transport.SendAsync<PageDto<CampaignDto>>(ListCampaigns, HttpMethod.Get, "campaigns", null, cancellationToken, LoopsRules.PageQuery(cursor, perPage)).ConfigureAwait(false);
        return page.ToPage(d => d.ToModel());
    }

    /// <summary>Changes a draft campaign (POST /campaigns/{id}); 409 <c>LoopsCampaignNotDraft</c> once it is no longer a draft.</summary>
    public async Task<LoopsCampaign> UpdateCampaignAsync(string campaignId, LoopsCampaignChanges changes, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("CampaignId", campaignId);
        CampaignBody body = (changes ?? throw new ArgumentNullException(nameof(changes))).ToBody(Now());
        ApiOperation operation = changes.Sends ? ScheduleCampaign : UpdateCampaign;
        CampaignDto dto = await Transport.SendCheckedAsync<CampaignDto>(operation.About(References(body, ("Campaign", id))), HttpMethod.Post, "campaigns/" + Uri.EscapeDataString(id), body, LoopsAnswers.CampaignId, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads a campaign's email message (GET /email-messages/{id}).</summary>
    public async Task<LoopsEmailMessage> GetEmailMessageAsync(string emailMessageId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("EmailMessageId", emailMessageId);
        EmailMessageDto dto = await Transport.SendAsync<EmailMessageDto>(GetEmailMessage.About(("EmailMessage", id)), HttpMethod.Get, "email-messages/" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>
    /// Updates an email message (POST /email-messages/{id}) against <see cref="LoopsEmailMessageChanges.ExpectedRevisionId"/>.
    /// With <paramref name="force"/> the current revision is read first and used instead (what the
    /// official Loops CLI's --force does), accepting that changes made meanwhile are overwritten.
    /// </summary>
    public async Task<LoopsEmailMessage> UpdateEmailMessageAsync(string emailMessageId, LoopsEmailMessageChanges changes, bool force = false, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("EmailMessageId", emailMessageId);
        (changes ?? throw new ArgumentNullException(nameof(changes))).Validate();
        string? revision = string.IsNullOrWhiteSpace(changes.ExpectedRevisionId) ? null : changes.ExpectedRevisionId!.Trim();
        if (revision == null || force)
        {
            if (!force)
            {
                throw LoopsRules.Instance.Fail("ExpectedRevisionId",
                    "ExpectedRevisionId is missing. Pipe the campaign from New-LoopsCampaign or the message from Get-LoopsEmailMessage (they carry it), pass -ExpectedRevisionId, or use -Force to update the latest revision.");
            }

            LoopsEmailMessage current = await GetEmailMessageAsync(id, cancellationToken).ConfigureAwait(false);
            revision = current.ContentRevisionId ?? string.Empty;
        }

        EmailMessageDto dto = await Transport.SendCheckedAsync<EmailMessageDto>(UpdateEmailMessage.About(("EmailMessage", id)), HttpMethod.Post, "email-messages/" + Uri.EscapeDataString(id), changes.ToBody(revision), LoopsAnswers.Revision, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads every mailing list (GET /lists; not paged).</summary>
    public async Task<IReadOnlyList<LoopsMailingList>> GetMailingListsAsync(CancellationToken cancellationToken = default)
    {
        List<MailingListDto> lists = await Transport.SendAsync<List<MailingListDto>>(ListMailingLists, HttpMethod.Get, "lists", null, cancellationToken).ConfigureAwait(false);
        return lists.Select(l => l.ToModel()).ToList();
    }

    /// <summary>Reads one audience segment.</summary>
    public async Task<LoopsAudienceSegment> GetAudienceSegmentAsync(string audienceSegmentId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("AudienceSegmentId", audienceSegmentId);
        AudienceSegmentDto dto = await Transport.SendAsync<AudienceSegmentDto>(GetSegment.About(("AudienceSegment", id)), HttpMethod.Get, "audience-segments/" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads one page of audience segments.</summary>
    public async Task<CursorPage<LoopsAudienceSegment>> GetAudienceSegmentPageAsync(string? cursor = null, int? perPage = null, CancellationToken cancellationToken = default)
    {
        PageDto<AudienceSegmentDto> page = await Transport.SendAsync<PageDto<AudienceSegmentDto>>(ListSegments, HttpMethod.Get, "audience-segments", null, cancellationToken, LoopsRules.PageQuery(cursor, perPage)).ConfigureAwait(false);
        return page.ToPage(d => d.ToModel());
    }

    /// <summary>Reads one campaign group.</summary>
    public async Task<LoopsCampaignGroup> GetCampaignGroupAsync(string campaignGroupId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("CampaignGroupId", campaignGroupId);
        CampaignGroupDto dto = await Transport.SendAsync<CampaignGroupDto>(GetGroup.About(("CampaignGroup", id)), HttpMethod.Get, "campaign-groups/" + Uri.EscapeDataString(id), null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads one page of campaign groups.</summary>
    public async Task<CursorPage<LoopsCampaignGroup>> GetCampaignGroupPageAsync(string? cursor = null, int? perPage = null, CancellationToken cancellationToken = default)
    {
        PageDto<CampaignGroupDto> page = await Transport.SendAsync<PageDto<CampaignGroupDto>>(ListGroups, HttpMethod.Get, "campaign-groups", null, cancellationToken, LoopsRules.PageQuery(cursor, perPage)).ConfigureAwait(false);
        return page.ToPage(d => d.ToModel());
    }

    /// <summary>Creates a campaign group (POST /campaign-groups).</summary>
    public async Task<LoopsCampaignGroup> CreateCampaignGroupAsync(NewLoopsCampaignGroup group, CancellationToken cancellationToken = default)
    {
        CampaignGroupBody body = (group ?? throw new ArgumentNullException(nameof(group))).ToBody();
        CampaignGroupDto dto = await Transport.SendCheckedAsync<CampaignGroupDto>(CreateGroup, HttpMethod.Post, "campaign-groups", body, LoopsAnswers.GroupId, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Changes a campaign group's name or description (POST /campaign-groups/{id}); the Unsorted group cannot be changed.</summary>
    public async Task<LoopsCampaignGroup> UpdateCampaignGroupAsync(string campaignGroupId, LoopsCampaignGroupChanges changes, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("CampaignGroupId", campaignGroupId);
        CampaignGroupBody body = (changes ?? throw new ArgumentNullException(nameof(changes))).ToBody();
        CampaignGroupDto dto = await Transport.SendCheckedAsync<CampaignGroupDto>(UpdateGroup.About(("CampaignGroup", id)), HttpMethod.Post, "campaign-groups/" + Uri.EscapeDataString(id), body, LoopsAnswers.GroupId, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Creates an audience segment (POST /audience-segments). Never retried once it may have reached the server.</summary>
    public async Task<LoopsAudienceSegment> CreateAudienceSegmentAsync(NewLoopsAudienceSegment segment, CancellationToken cancellationToken = default)
    {
        AudienceSegmentBody body = (segment ?? throw new ArgumentNullException(nameof(segment))).ToBody();
        AudienceSegmentDto dto = await Transport.SendCheckedAsync<AudienceSegmentDto>(CreateSegment, HttpMethod.Post, "audience-segments", body, LoopsContentAnswers.SegmentId, cancellationToken).ConfigureAwait(false);
        LoopsAudienceSegment created = dto.ToModel();
        created.Name = string.IsNullOrEmpty(created.Name) ? body.Name ?? string.Empty : created.Name;
        created.Description ??= body.Description;
        created.Filter ??= WireText.Json(body.Filter);
        return created;
    }

    /// <summary>
    /// Reads a campaign's all-time engagement counters (GET /campaigns/{id}/metrics; API reference 1.22.2).
    /// The model carries the campaign id, so results of several campaigns can be told apart.
    /// </summary>
    public async Task<LoopsCampaignMetric> GetCampaignMetricsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("CampaignId", campaignId);
        MetricsDto dto = await Transport.SendCheckedAsync<MetricsDto>(GetMetrics.About(("Campaign", id)), HttpMethod.Get, "campaigns/" + Uri.EscapeDataString(id) + "/metrics", null, LoopsContentAnswers.Metrics, cancellationToken).ConfigureAwait(false);
        return dto.ToModel(id);
    }

    /// <summary>
    /// Runs Loops' Guardian checks on a saved email message (GET /email-messages/{id}/guardian): errors block
    /// publishing, warnings are advice. Reads only; nothing changes.
    /// </summary>
    public async Task<LoopsGuardianReport> GetGuardianReportAsync(string emailMessageId, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("EmailMessageId", emailMessageId);
        GuardianDto dto = await Transport.SendCheckedAsync<GuardianDto>(RunGuardian.About(("EmailMessage", id)), HttpMethod.Get, "email-messages/" + Uri.EscapeDataString(id) + "/guardian", null, LoopsContentAnswers.Guardian, cancellationToken).ConfigureAwait(false);
        return dto.ToModel(id);
    }

    /// <summary>Sends a preview of an email message to the given addresses (POST /email-messages/{id}/preview). It sends mail; never re-sent when the outcome is unknown.</summary>
    public async Task<LoopsEmailPreviewResult> SendEmailMessagePreviewAsync(string emailMessageId, LoopsEmailPreview preview, CancellationToken cancellationToken = default)
    {
        string id = LoopsRules.RequiredId("EmailMessageId", emailMessageId);
        PreviewBody body = (preview ?? throw new ArgumentNullException(nameof(preview))).ToBody();
        PreviewDto dto = await Transport.SendCheckedAsync<PreviewDto>(SendPreview.About(("EmailMessage", id)), HttpMethod.Post, "email-messages/" + Uri.EscapeDataString(id) + "/preview", body, LoopsContentAnswers.Preview, cancellationToken).ConfigureAwait(false);
        return new LoopsEmailPreviewResult
        {
            EmailMessageId = dto.Id ?? dto.EmailMessageId ?? id,
            Emails = body.Emails,
            ContactProperties = body.ContactProperties ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>
    /// Uploads an image in the documented three calls (API reference 1.21.6, uploads): POST /uploads for a
    /// pre-signed URL, PUT the bytes there (with the same Content-Type and Content-Length, and without the Loops
    /// key, which stays on Loops' host), then POST /uploads/{emailAssetId}/complete for the public URL.
    /// </summary>
    public async Task<LoopsUpload> UploadImageAsync(LoopsImageUpload image, CancellationToken cancellationToken = default)
    {
        UploadBody body = (image ?? throw new ArgumentNullException(nameof(image))).ToBody();
        UploadDto created = await Transport.SendCheckedAsync<UploadDto>(CreateUpload, HttpMethod.Post, "uploads", body, LoopsContentAnswers.UploadCreated, cancellationToken).ConfigureAwait(false);
        string assetId = created.EmailAssetId!;
        await Transport.PutToPresignedUrlAsync(PutUpload.About(("Upload", assetId)), new Uri(created.PresignedUrl!, UriKind.RelativeOrAbsolute), image.Content!, body.ContentType!, cancellationToken).ConfigureAwait(false);
        UploadDto completed = await Transport.SendCheckedAsync<UploadDto>(CompleteUpload.About(("Upload", assetId)), HttpMethod.Post, "uploads/" + Uri.EscapeDataString(assetId) + "/complete", new Dictionary<string, string>(), LoopsContentAnswers.UploadCompleted, cancellationToken).ConfigureAwait(false);
        return new LoopsUpload
        {
            EmailAssetId = completed.EmailAssetId ?? assetId,
            FinalUrl = completed.FinalUrl!,
            FileName = image.FileName,
            ContentType = body.ContentType!,
            ContentLength = body.ContentLength,
        };
    }

    /// <summary>
    /// Uploads the local images an LMX body refers to (<see cref="LoopsLmxImages.LocalSources"/>; <paramref name="images"/>
    /// holds each by the <c>src</c> value it has in the LMX) and returns the LMX with their uploaded URLs in place.
    /// </summary>
    public async Task<LoopsLmxUploadResult> UploadLmxImagesAsync(string lmx, IReadOnlyDictionary<string, LoopsImageUpload> images, CancellationToken cancellationToken = default)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<LoopsUpload>();
        foreach (KeyValuePair<string, LoopsImageUpload> image in images ?? new Dictionary<string, LoopsImageUpload>())
        {
            LoopsUpload upload = await UploadImageAsync(image.Value, cancellationToken).ConfigureAwait(false);
            urls[image.Key] = upload.FinalUrl;
            uploads.Add(upload);
        }

        return new LoopsLmxUploadResult { Lmx = LoopsLmxImages.Rewrite(lmx, urls), Uploads = uploads };
    }

    // The ids a campaign body refers to (and the campaign's own, first), for a 404 to name the one not found.
    private static (string Resource, string? Id)[] References(CampaignBody body, params (string Resource, string? Id)[] own) =>
        own.Concat(new (string, string?)[] { ("MailingList", body.MailingListId), ("AudienceSegment", body.AudienceSegmentId), ("CampaignGroup", body.CampaignGroupId) }).ToArray();
}
