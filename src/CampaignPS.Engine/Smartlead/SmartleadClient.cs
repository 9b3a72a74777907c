using System.Globalization;

namespace CampaignPS.Engine.Smartlead;

/// <summary>The status changes Smartlead's API reference documents (POST /campaigns/{id}/status).</summary>
public enum SmartleadStatusChange
{
    /// <summary>START: begin sending.</summary>
    Start,
    /// <summary>PAUSED: stop for now; can be started again.</summary>
    Pause,
    /// <summary>STOPPED: stop for good; cannot be undone.</summary>
    Stop,
}

/// <summary>
/// Client for Smartlead's campaign API: campaigns, sequences, email accounts, leads, schedule,
/// settings and status. Usable from C# without PowerShell. The key travels as ?api_key=, so every
/// URL this client logs or reports is redacted. Contract: Smartlead's API reference (OpenAPI,
/// ../shared/api-specs/smartlead), with the docs site's alternative shapes accepted on reading.
/// </summary>
public sealed class SmartleadClient : PlatformClient
{
    private static readonly ApiOperation ListCampaigns = new ApiOperation("list campaigns", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation GetCampaign = new ApiOperation("get campaign", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation CreateCampaign = new ApiOperation("create campaign", "Campaign", RequestSafety.NonIdempotent);
    private static readonly ApiOperation DeleteCampaign = new ApiOperation("delete campaign", "Campaign", RequestSafety.NonIdempotent);
    private static readonly ApiOperation ChangeStatus = new ApiOperation("change campaign status", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(400, "CampaignStopped", FailureCategory.InvalidOperation,
            "Smartlead's STOPPED is final: a stopped campaign cannot be started or paused again. Create a new campaign.", "STOPPED"),
        new ErrorRule(400, "CampaignNotReady", FailureCategory.InvalidOperation,
            "Give the campaign a sequence (Set-SmartleadSequence), an email account (Add-SmartleadEmailAccount) and leads (Add-SmartleadLead) first.", "cannot start"));
    private static readonly ApiOperation SaveSequence = new ApiOperation("save sequence", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(400, "CampaignActive", FailureCategory.InvalidOperation,
            "Pause the campaign (Suspend-SmartleadCampaign), change the sequence, then start it again.", "Pause the campaign"));
    private static readonly ApiOperation GetSequence = new ApiOperation("get sequence", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation AddAccounts = new ApiOperation("add email accounts", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(404, "EmailAccountNotFound", FailureCategory.ObjectNotFound,
            "Check the email account ids (Get-SmartleadEmailAccount lists a campaign's accounts).", "account"));
    private static readonly ApiOperation GetAccounts = new ApiOperation("get email accounts", "Campaign", RequestSafety.Read);

    // Lead import deduplicates by e-mail (Smartlead conventions, idempotency.natural_dedupe), so a
    // batch whose answer was lost can be sent again: leads that did land come back as duplicates.
    private static readonly ApiOperation AddLeads = new ApiOperation("add leads", "Campaign", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation SaveSchedule = new ApiOperation("save schedule", "Campaign", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation SaveSettings = new ApiOperation("save settings", "Campaign", RequestSafety.IdempotentWrite);

    /// <summary>Creates a client; the base URI defaults to https://server.smartlead.ai/api/v1/.</summary>
    public SmartleadClient(ApiConnectionOptions options)
        : base(PlatformInfo.Smartlead, options, new QueryStringAuthenticator("api_key"))
    {
        Leads = new SmartleadLeads(Transport);
        Statistics = new SmartleadStatistics(Transport);
        Webhooks = new SmartleadWebhooks(Transport);
        Mailboxes = new SmartleadMailboxes(Transport);
    }

    /// <summary>A campaign's leads after import: list, find by e-mail, pause, resume, remove, unsubscribe, categorise.</summary>
    public SmartleadLeads Leads { get; }

    /// <summary>What campaigns did: statistics rows, campaign counters, the account-wide analytics.</summary>
    public SmartleadStatistics Statistics { get; }

    /// <summary>Campaign webhooks: list, create, update, delete.</summary>
    public SmartleadWebhooks Webhooks { get; }

    /// <summary>The account's mailboxes: list, read, warmup, suspend and resume, take off a campaign.</summary>
    public SmartleadMailboxes Mailboxes { get; }

    /// <inheritdoc />
    private protected override async Task<string?> CheckKeyAsync(CancellationToken cancellationToken)
    {
        await Transport.SendAsync<List<CampaignDto>>(ListCampaigns, HttpMethod.Get, "campaigns/", null, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Creates a campaign in DRAFTED status (POST /campaigns/create). Never retried once it may have reached the server.</summary>
    public async Task<SmartleadCampaign> CreateCampaignAsync(NewSmartleadCampaign campaign, CancellationToken cancellationToken = default)
    {
        (campaign ?? throw new ArgumentNullException(nameof(campaign))).Validate();
        var body = new CreateCampaignBody { Name = campaign.Name?.Trim(), ClientId = campaign.ClientId };
        CreatedCampaignDto created = await Transport.SendCheckedAsync<CreatedCampaignDto>(CreateCampaign, HttpMethod.Post, "campaigns/create", body, d => d.Id > 0 ? null : "the created campaign's id", cancellationToken).ConfigureAwait(false);

        // The create answer carries no status; the reference says new campaigns start in DRAFTED. What the answer
        // does not echo is filled from the request (DESIGN.md rule 10).
        return new SmartleadCampaign
        {
            Id = created.Id,
            Name = created.Name ?? body.Name ?? "Untitled Campaign",
            Status = "DRAFTED",
            ClientId = campaign.ClientId,
            CreatedAt = created.CreatedAt,
        };
    }

    /// <summary>Reads one campaign (GET /campaigns/{id}): what the server stored, nothing remembered from earlier calls.</summary>
    public async Task<SmartleadCampaign> GetCampaignAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        CampaignDto dto = await Transport.SendAsync<CampaignDto>(ForCampaign(GetCampaign, campaignId), HttpMethod.Get, CampaignPath(campaignId), null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Reads every campaign, newest first (GET /campaigns/), optionally for one agency client.</summary>
    public async Task<IReadOnlyList<SmartleadCampaign>> GetCampaignsAsync(long? clientId = null, CancellationToken cancellationToken = default)
    {
        var query = new[] { new KeyValuePair<string, string?>("client_id", clientId?.ToString(CultureInfo.InvariantCulture)) };
        List<CampaignDto> list = await Transport.SendAsync<List<CampaignDto>>(ListCampaigns, HttpMethod.Get, "campaigns/", null, cancellationToken, query).ConfigureAwait(false);
        return list.Select(dto => dto.ToModel()).ToList();
    }

    /// <summary>Deletes a campaign with all its leads and statistics (DELETE /campaigns/{id}). Cannot be undone.</summary>
    public async Task DeleteCampaignAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        await Transport.SendAsync<OkDto>(ForCampaign(DeleteCampaign, campaignId), HttpMethod.Delete, CampaignPath(campaignId), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the campaign's sequence (POST /campaigns/{id}/sequences); steps are numbered in order. Whether the
    /// campaign is running is the server's to say (SmartleadCampaignActive): nothing is refused from an earlier read.
    /// </summary>
    public async Task SetSequenceAsync(long campaignId, IReadOnlyList<SmartleadSequenceStep> steps, CancellationToken cancellationToken = default)
    {
        var body = new SequencesBody { Sequences = SmartleadRules.Sequence(steps) };
        SmartleadVariantRules.KeepIds(body.Sequences, steps, campaignId);
        await Transport.SendAsync<OkDto>(ForCampaign(SaveSequence, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/sequences", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the campaign's sequence (GET /campaigns/{id}/sequences) as steps Set-SmartleadSequence takes back: with their
    /// variants, and their ids kept for the same campaign. The reference answers a bare list, the docs site {"success", "data"}.
    /// </summary>
    public async Task<IReadOnlyList<SmartleadSequenceStep>> GetSequenceAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        System.Text.Json.JsonElement answer = await Transport.SendAsync<System.Text.Json.JsonElement>(ForCampaign(GetSequence, campaignId), HttpMethod.Get, CampaignPath(campaignId) + "/sequences", null, cancellationToken).ConfigureAwait(false);
        List<SequenceBody> steps = SmartleadAnswer.List<SequenceBody>(SmartleadAnswer.Data(answer), GetSequence.Description);
        return steps.OrderBy(s => s.SeqNumber).Select(s => s.ToModel(campaignId)).ToList();
    }

    /// <summary>Adds sending accounts to the campaign (POST /campaigns/{id}/email-accounts).</summary>
    public async Task AddEmailAccountsAsync(long campaignId, IReadOnlyCollection<long> emailAccountIds, CancellationToken cancellationToken = default)
    {
        if (emailAccountIds == null || emailAccountIds.Count == 0)
        {
            throw SmartleadRules.Instance.Fail("EmailAccountId", "EmailAccountId is empty. Give at least one email account id, e.g. -EmailAccountId 456, 457.");
        }

        foreach (long id in emailAccountIds)
        {
            SmartleadRules.Instance.Range("EmailAccountId", id, 1, long.MaxValue);
        }

        var body = new EmailAccountsBody { EmailAccountIds = emailAccountIds.Distinct().ToList() };
        await Transport.SendAsync<OkDto>(ForCampaign(AddAccounts, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/email-accounts", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the campaign's sending accounts (GET /campaigns/{id}/email-accounts): a bare list (reference) or {"ok", "data"} (docs).</summary>
    public async Task<IReadOnlyList<SmartleadEmailAccount>> GetEmailAccountsAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        System.Text.Json.JsonElement answer = await Transport.SendAsync<System.Text.Json.JsonElement>(ForCampaign(GetAccounts, campaignId), HttpMethod.Get, CampaignPath(campaignId) + "/email-accounts", null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.List<EmailAccountDto>(SmartleadAnswer.Data(answer), GetAccounts.Description).Select(a => a.ToModel()).ToList();
    }

    /// <summary>
    /// Reads the account's email accounts (GET /email-accounts/?offset&amp;limit, up to 100 per page). Not in the
    /// campaigns/leads part of the API reference in our specs; the endpoint Smartlead's own CLI lists accounts with.
    /// </summary>
    public async Task<IReadOnlyList<SmartleadEmailAccount>> GetAllEmailAccountsAsync(int maxAccounts = 1000, CancellationToken cancellationToken = default)
    {
        var accounts = new List<SmartleadEmailAccount>();
        while (accounts.Count < maxAccounts)
        {
            var query = new[]
            {
                new KeyValuePair<string, string?>("offset", accounts.Count.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string?>("limit", "100"),
            };
            List<EmailAccountDto> page = await Transport.SendAsync<List<EmailAccountDto>>(GetAccounts, HttpMethod.Get, "email-accounts/", null, cancellationToken, query).ConfigureAwait(false);
            accounts.AddRange(page.Select(a => a.ToModel()));
            if (page.Count < 100)
            {
                break;
            }
        }

        return accounts.Take(maxAccounts).ToList();
    }

    /// <summary>Starts a streaming lead import into one campaign (batches of at most 400).</summary>
    public SmartleadLeadImporter StartLeadImport(long campaignId, SmartleadLeadSettings? settings = null, int batchSize = SmartleadRules.MaxLeadsPerRequest)
    {
        SmartleadRules.CampaignId(campaignId);
        SmartleadRules.Instance.Range("BatchSize", batchSize, 1, SmartleadRules.MaxLeadsPerRequest);
        return new SmartleadLeadImporter(this, campaignId, settings ?? new SmartleadLeadSettings(), batchSize);
    }

    /// <summary>
    /// Adds every lead of <paramref name="leads"/> (read lazily, so memory stays bounded) in batches of
    /// at most 400; <paramref name="onBatch"/> hears about each batch, including failed ones.
    /// </summary>
    public async Task<SmartleadLeadImportResult> ImportLeadsAsync(long campaignId, IEnumerable<SmartleadLead> leads, SmartleadLeadSettings? settings = null,
        Action<SmartleadLeadBatchOutcome>? onBatch = null, CancellationToken cancellationToken = default)
    {
        SmartleadLeadImporter importer = StartLeadImport(campaignId, settings);
        foreach (SmartleadLead lead in leads ?? throw new ArgumentNullException(nameof(leads)))
        {
            importer.Add(lead);
            if (importer.BatchIsFull)
            {
                Report(await importer.SendPendingAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        Report(await importer.SendPendingAsync(cancellationToken).ConfigureAwait(false));
        return importer.Result;

        void Report(SmartleadLeadBatchOutcome? outcome)
        {
            if (outcome != null)
            {
                onBatch?.Invoke(outcome);
            }
        }
    }

    /// <summary>Sends one batch of at most 400 leads (POST /campaigns/{id}/leads) and reads either documented answer.</summary>
    public async Task<SmartleadLeadBatchResult> AddLeadBatchAsync(long campaignId, IReadOnlyList<SmartleadLead> leads, SmartleadLeadSettings settings, CancellationToken cancellationToken = default)
    {
        if (leads == null || leads.Count == 0 || leads.Count > SmartleadRules.MaxLeadsPerRequest)
        {
            throw SmartleadRules.Instance.Fail("Lead", $"A batch holds 1 to {SmartleadRules.MaxLeadsPerRequest} leads; this one has {leads?.Count ?? 0}.");
        }

        LeadsBody body = LeadsBody.From(leads, settings ?? new SmartleadLeadSettings());
        var attempts = new AttemptCount();
        LeadsResponseDto response = await Transport.SendCheckedAsync<LeadsResponseDto>(ForCampaign(AddLeads, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/leads", body, d => d.HasCounts ? null : "any of the counts of added, duplicate or blocked leads", cancellationToken, attempts: attempts).ConfigureAwait(false);
        SmartleadLeadBatchResult result = response.ToModel(leads);
        result.Attempts = attempts.Attempts;
        result.ResentAfterUnknownOutcome = attempts.ResentAfterUnknownOutcome;
        return result;
    }

    /// <summary>Sets when the campaign sends (POST /campaigns/{id}/schedule, the reference's flat body); the whole schedule is replaced.</summary>
    public async Task SetScheduleAsync(long campaignId, SmartleadSchedule schedule, CancellationToken cancellationToken = default)
    {
        ScheduleBody body = (schedule ?? throw new ArgumentNullException(nameof(schedule))).ToBody();
        await Transport.SendAsync<OkDto>(ForCampaign(SaveSchedule, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/schedule", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes tracking, stop conditions and the other campaign settings (POST /campaigns/{id}/settings).</summary>
    public async Task SetSettingsAsync(long campaignId, SmartleadSettings settings, CancellationToken cancellationToken = default)
    {
        SettingsBody body = (settings ?? throw new ArgumentNullException(nameof(settings))).ToBody();
        await Transport.SendAsync<OkDto>(ForCampaign(SaveSettings, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/settings", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts, pauses or stops the campaign: POST /campaigns/{id}/status with START, PAUSED or STOPPED,
    /// as the API reference documents (a tutorial's PATCH with ACTIVE is not used). STOPPED is final.
    /// </summary>
    public async Task SetStatusAsync(long campaignId, SmartleadStatusChange change, CancellationToken cancellationToken = default)
    {
        string wire = change switch
        {
            SmartleadStatusChange.Start => "START",
            SmartleadStatusChange.Pause => "PAUSED",
            SmartleadStatusChange.Stop => "STOPPED",
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        await Transport.SendAsync<OkDto>(ForCampaign(ChangeStatus, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/status", new StatusBody { Status = wire }, cancellationToken).ConfigureAwait(false);
    }

    private static ApiOperation ForCampaign(ApiOperation operation, long campaignId) =>
        operation.About(("Campaign", campaignId.ToString(CultureInfo.InvariantCulture)));

    private static string CampaignPath(long campaignId) => "campaigns/" + SmartleadRules.CampaignId(campaignId).ToString(CultureInfo.InvariantCulture);
}
