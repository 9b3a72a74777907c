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

    // The ids a campaign body refers to (and the campaign's own, first), for a 404 to name the one not found.
    private static (string Resource, string? Id)[] References(CampaignBody body, params (string Resource, string? Id)[] own) =>
        own.Concat(new (string, string?)[] { ("MailingList", body.MailingListId), ("AudienceSegment", body.AudienceSegmentId), ("CampaignGroup", body.CampaignGroupId) }).ToArray();
}
