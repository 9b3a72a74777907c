using System.Text.Json;
using CampaignPS.Engine.Paging;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// The account's mailboxes and their health (<see cref="SmartleadClient.Mailboxes"/>): list and read them, warmup
/// settings and statistics, suspend and resume, and take them off a campaign. Contract: the Email Accounts API of
/// Smartlead's API reference; the docs site's answers are read as well (see SmartleadMailboxWire.cs).
/// </summary>
public sealed class SmartleadMailboxes
{
    /// <summary>The docs site's limit for the account list (the reference gives none).</summary>
    public const int MaxPageSize = 100;

    private static readonly ApiOperation ListAccounts = new ApiOperation("list email accounts", "EmailAccount", RequestSafety.Read);
    private static readonly ApiOperation GetAccount = new ApiOperation("get email account", "EmailAccount", RequestSafety.Read);
    private static readonly ApiOperation RemoveAccounts = new ApiOperation("remove email accounts from campaign", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(404, "EmailAccountNotFound", FailureCategory.ObjectNotFound,
            "Check the email account ids (Get-SmartleadEmailAccount -CampaignId lists a campaign's accounts).", "account"));
    private static readonly ApiOperation SaveWarmup = new ApiOperation("save warmup settings", "EmailAccount", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation GetWarmupStats = new ApiOperation("read warmup statistics", "EmailAccount", RequestSafety.Read);

    // The docs' suspend page answers an unknown account with 400 {"success": false, "message": "Email account not found ..."}.
    private static readonly ErrorRule SuspendNotFound = new ErrorRule(400, "EmailAccountNotFound", FailureCategory.ObjectNotFound,
        "Check the email account id (Get-SmartleadEmailAccount lists the account's mailboxes).", "not found");
    private static readonly ApiOperation Suspend = new ApiOperation("suspend email account", "EmailAccount", RequestSafety.IdempotentWrite, SuspendNotFound);
    private static readonly ApiOperation Unsuspend = new ApiOperation("resume email account", "EmailAccount", RequestSafety.IdempotentWrite, SuspendNotFound);

    private readonly ApiTransport _transport;

    internal SmartleadMailboxes(ApiTransport transport) => _transport = transport;

    /// <summary>One page of the account's mailboxes (GET /email-accounts/?offset&amp;limit).</summary>
    public async Task<CursorPage<SmartleadEmailAccount>> GetPageAsync(string? cursor, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        int offset = SmartleadPages.Offset(cursor);
        int limit = SmartleadPages.Limit(pageSize, MaxPageSize);
        JsonElement answer = await _transport.SendAsync<JsonElement>(ListAccounts, HttpMethod.Get, "email-accounts/", null, cancellationToken, SmartleadPages.Query(offset, limit)).ConfigureAwait(false);
        var accounts = SmartleadAnswer.List<EmailAccountDto>(SmartleadAnswer.Data(answer), ListAccounts.Description).Select(a => a.ToModel()).ToList();
        return SmartleadPages.Page(accounts, offset, limit, null);
    }

    /// <summary>One mailbox with its health figures (GET /email-accounts/{id}).</summary>
    public async Task<SmartleadEmailAccount> GetAsync(long emailAccountId, CancellationToken cancellationToken = default)
    {
        JsonElement answer = await _transport.SendAsync<JsonElement>(ForAccount(GetAccount, emailAccountId), HttpMethod.Get, SmartleadPaths.EmailAccount(emailAccountId), null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.One<EmailAccountDto>(SmartleadAnswer.Data(answer), GetAccount.Description).ToModel();
    }

    /// <summary>Takes mailboxes off a campaign (DELETE /campaigns/{id}/email-accounts); its leads move to the remaining ones.</summary>
    public Task RemoveFromCampaignAsync(long campaignId, IReadOnlyCollection<long> emailAccountIds, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.Campaign(campaignId) + "/email-accounts";
        if (emailAccountIds == null || emailAccountIds.Count == 0)
        {
            throw SmartleadRules.Instance.Fail("EmailAccountId", "EmailAccountId is empty. Give at least one email account id, e.g. -EmailAccountId 456.");
        }

        var body = new EmailAccountsBody { EmailAccountIds = emailAccountIds.Select(id => SmartleadPaths.CheckId("EmailAccountId", id)).Distinct().ToList() };
        return _transport.SendAsync<OkDto>(SmartleadPaths.About(RemoveAccounts, ("Campaign", campaignId)), HttpMethod.Delete, path, body, cancellationToken);
    }

    /// <summary>Sets how the mailbox warms up (POST /email-accounts/{id}/warmup).</summary>
    public Task SetWarmupAsync(long emailAccountId, SmartleadWarmupSettings settings, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.EmailAccount(emailAccountId) + "/warmup";
        WarmupBody body = (settings ?? throw new ArgumentNullException(nameof(settings))).ToBody();
        return _transport.SendAsync<OkDto>(ForAccount(SaveWarmup, emailAccountId), HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>The mailbox's warmup results (GET /email-accounts/{id}/warmup-stats).</summary>
    public async Task<SmartleadWarmupStatistic> GetWarmupStatisticsAsync(long emailAccountId, CancellationToken cancellationToken = default)
    {
        string path = SmartleadPaths.EmailAccount(emailAccountId) + "/warmup-stats";
        JsonElement answer = await _transport.SendAsync<JsonElement>(ForAccount(GetWarmupStats, emailAccountId), HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        return SmartleadAnswer.One<WarmupStatsDto>(SmartleadAnswer.Data(answer), GetWarmupStats.Description).ToModel(emailAccountId);
    }

    /// <summary>Suspends the mailbox (PUT /email-accounts/suspend/{id}): it sends nothing until resumed.</summary>
    public Task SuspendAsync(long emailAccountId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForAccount(Suspend, emailAccountId), HttpMethod.Put, "email-accounts/suspend/" + SmartleadPaths.Id("EmailAccountId", emailAccountId), null, cancellationToken);

    /// <summary>Lets a suspended mailbox send again (DELETE /email-accounts/unsuspend/{id}).</summary>
    public Task ResumeAsync(long emailAccountId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<OkDto>(ForAccount(Unsuspend, emailAccountId), HttpMethod.Delete, "email-accounts/unsuspend/" + SmartleadPaths.Id("EmailAccountId", emailAccountId), null, cancellationToken);

    private static ApiOperation ForAccount(ApiOperation operation, long emailAccountId) => SmartleadPaths.About(operation, ("EmailAccount", emailAccountId));
}
