using System.Net;

namespace CampaignPS.Engine.Outbox;

/// <summary>
/// Client for the three documented Outbox (getoutbox.ai) endpoints: create email campaign,
/// create sender identity, create or update contact. Usable from C# without PowerShell.
/// </summary>
public sealed class OutboxClient : PlatformClient
{
    private static readonly ApiOperation CreateCampaign = new ApiOperation("create email campaign", "Campaign", RequestSafety.NonIdempotent);
    private static readonly ApiOperation CreateSender = new ApiOperation("create sender", "Sender", RequestSafety.NonIdempotent,
        new ErrorRule(400, "SenderExists", FailureCategory.ResourceExists, "This company has a sender with that address already.", "already exists"));

    // Outbox upserts contacts by e-mail or phone, so sending one again updates rather than duplicates.
    private static readonly ApiOperation UpsertContact = new ApiOperation("create or update contact", "Contact", RequestSafety.IdempotentWrite);

    private static readonly IRequestAuthenticator Bearer = new BearerAuthenticator();
    private static readonly IRequestAuthenticator Raw = new RawAuthorizationAuthenticator();

    // Lets one contacts request at a time find out which Authorization form the server takes.
    private readonly SemaphoreSlim _contactsProbe = new SemaphoreSlim(1, 1);

    // The form the contacts route accepted; null until a contacts request has found out.
    private volatile IRequestAuthenticator? _contactsAuthenticator;

    /// <summary>Creates a client; the base URI defaults to https://api.getoutbox.ai/.</summary>
    /// <param name="options">Where and with which key.</param>
    /// <param name="defaultCompany">The company (uuid) used when a request names none.</param>
    public OutboxClient(ApiConnectionOptions options, Guid? defaultCompany = null)
        : base(PlatformInfo.Outbox, options, Bearer)
    {
        DefaultCompany = defaultCompany;
    }

    /// <summary>The company used when a request names none.</summary>
    public Guid? DefaultCompany { get; }

    /// <summary>Outbox documents no read endpoint to test a key with, so the key is first used by the first real call.</summary>
    private protected override Task<string?> CheckKeyAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Creates an email campaign (POST /email/campaigns/). Never retried once it may have reached the server.</summary>
    public async Task<OutboxCampaign> CreateCampaignAsync(NewOutboxCampaign campaign, CancellationToken cancellationToken = default)
    {
        CampaignBody body = (campaign ?? throw new ArgumentNullException(nameof(campaign))).ToBody(DefaultCompany);
        CampaignDto dto = await Transport.SendCheckedAsync<CampaignDto>(CreateCampaign, HttpMethod.Post, "email/campaigns/", body, d => d.Id == Guid.Empty ? "the created campaign's id" : null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>Creates a sender identity (POST /email/senders/).</summary>
    public async Task<OutboxSender> CreateSenderAsync(NewOutboxSender sender, CancellationToken cancellationToken = default)
    {
        SenderBody body = (sender ?? throw new ArgumentNullException(nameof(sender))).ToBody(DefaultCompany);
        SenderDto dto = await Transport.SendCheckedAsync<SenderDto>(CreateSender, HttpMethod.Post, "email/senders/", body, d => d.Id == Guid.Empty ? "the created sender's id" : null, cancellationToken).ConfigureAwait(false);
        return dto.ToModel();
    }

    /// <summary>
    /// Creates or updates a contact (POST /contacts/; the answer has no body). The contacts page
    /// documents <c>Authorization: KEY</c> without "Bearer", unlike the other pages: that form is
    /// sent first, and if the server rejects it with 401 the Bearer form is tried once and kept.
    /// Calls made while the first one is finding out wait for its answer rather than each trying both forms.
    /// </summary>
    public async Task UpsertContactAsync(OutboxContact contact, CancellationToken cancellationToken = default)
    {
        ContactBody body = (contact ?? throw new ArgumentNullException(nameof(contact))).ToBody();
        if (_contactsAuthenticator is { } known)
        {
            await SendContactAsync(body, known, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _contactsProbe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_contactsAuthenticator is { } settled)
            {
                await SendContactAsync(body, settled, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                await SendContactAsync(body, Raw, cancellationToken).ConfigureAwait(false);
                _contactsAuthenticator = Raw;
            }
            catch (CampaignApiException rejected) when (rejected.StatusCode == HttpStatusCode.Unauthorized)
            {
                await SendContactAsync(body, Bearer, cancellationToken).ConfigureAwait(false);
                _contactsAuthenticator = Bearer;
            }
        }
        finally
        {
            _contactsProbe.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _contactsProbe.Dispose();
    }

    private Task SendContactAsync(ContactBody body, IRequestAuthenticator authenticator, CancellationToken cancellationToken) =>
        Transport.SendWithoutResultAsync(UpsertContact, HttpMethod.Post, "contacts/", body, authenticator, cancellationToken);
}
