using System.Text.Json;

namespace CampaignPS.Engine.Sms;

/// <summary>
/// Client for Tether's SMS campaigns on the customer's own instance: create, read, send, cancel,
/// and classify contacts. Usable from C# without PowerShell. Authentication is a bearer JWT.
/// </summary>
public sealed class SmsClient : PlatformClient
{
    private const string AlreadySent = "The campaign was sent or cancelled already; create a new campaign to send again.";

    private static readonly ApiOperation ListCampaigns = new ApiOperation("list campaigns", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation GetCampaign = new ApiOperation("get campaign", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation CreateCampaign = new ApiOperation("create campaign", "Campaign", RequestSafety.NonIdempotent);

    // Sending twice would text every contact twice: never re-sent when the outcome is unknown.
    // The reference documents 400 as /send's only error status; its message (and code) says why. A 409 is read too.
    private static readonly ApiOperation SendCampaign = new ApiOperation("send campaign", "Campaign", RequestSafety.NonIdempotent,
        new ErrorRule(400, "CampaignAlreadySent", FailureCategory.InvalidOperation, AlreadySent, "already"),
        new ErrorRule(400, "CampaignAlreadySent", FailureCategory.InvalidOperation, AlreadySent, "cancel"),
        new ErrorRule(409, "CampaignAlreadySent", FailureCategory.InvalidOperation, AlreadySent));
    private static readonly ApiOperation CancelCampaign = new ApiOperation("cancel campaign", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(409, "CampaignNotScheduled", FailureCategory.InvalidOperation, "Only a scheduled campaign can be cancelled (Stop-SmsCampaign); this one is not scheduled."),
        new ErrorRule(400, "CampaignNotScheduled", FailureCategory.InvalidOperation, "Only a scheduled campaign can be cancelled (Stop-SmsCampaign); this one is not scheduled.", "scheduled"));
    private static readonly ApiOperation ValidateContacts = new ApiOperation("validate contacts", "Contact", RequestSafety.Read);
    private static readonly ApiOperation ListContacts = new ApiOperation("list contacts", "Contact", RequestSafety.Read);
    private static readonly ApiOperation UpdateCampaign = new ApiOperation("update campaign", "Campaign", RequestSafety.IdempotentWrite,
        new ErrorRule(409, "CampaignNotEditable", FailureCategory.InvalidOperation, "Only a draft or scheduled campaign can be changed; this one was sent, is sending or was cancelled."),
        new ErrorRule(400, "CampaignNotEditable", FailureCategory.InvalidOperation, "Only a draft or scheduled campaign can be changed; this one was sent, is sending or was cancelled.", "editable"));
    private static readonly ApiOperation DeleteCampaign = new ApiOperation("delete campaign", "Campaign", RequestSafety.IdempotentWrite);
    private static readonly ApiOperation AutoSegment = new ApiOperation("calculate auto-segment schedule", "Campaign", RequestSafety.Read);
    private static readonly ApiOperation SignIn = new ApiOperation("sign in", "Account", RequestSafety.NonIdempotent,
        new ErrorRule(401, "SignInRefused", FailureCategory.PermissionDenied, "Tether refused the e-mail and password: check the credential (user name = e-mail address) and sign in again."),
        new ErrorRule(400, "SignInRefused", FailureCategory.PermissionDenied, "Tether refused the sign-in: give the account's e-mail address as the credential's user name and its password."));
    private static readonly ApiOperation RefreshToken = new ApiOperation("refresh token", "Account", RequestSafety.NonIdempotent);

    private readonly string? _signInEmail;
    private readonly RenewingBearerAuthenticator? _session;

    /// <summary>Creates a client for the instance at <see cref="ApiConnectionOptions.BaseUri"/> (required).</summary>
    public SmsClient(ApiConnectionOptions options)
        : this(options, null)
    {
    }

    internal SmsClient(ApiConnectionOptions options, Func<DateTimeOffset>? now)
        : base(PlatformInfo.Sms, options, new BearerAuthenticator(), now)
    {
    }

    private SmsClient(ApiConnectionOptions options, string email, SignInFlow flow, Func<DateTimeOffset>? now)
        : base(PlatformInfo.Sms, options, flow.Authenticator, now)
    {
        _signInEmail = email;
        _session = flow.Authenticator;
        flow.Client = this;
    }

    /// <summary>
    /// A client that signs in with an e-mail and password (POST /api/auth/login) instead of a fixed token, and
    /// keeps the token fresh without the caller: renewed shortly before it expires and after a 401
    /// (POST /api/auth/refresh), with a new sign-in when the refresh is refused. The password is
    /// <see cref="ApiConnectionOptions.ApiKey"/> (see <see cref="ApiSecret.PasswordFromSecureString"/>); it only
    /// travels in the sign-in body, and the password and every token are masked in errors and logs.
    /// The sign-in happens on the first request (or <see cref="SignInAsync"/>).
    /// </summary>
    public static SmsClient ForSignIn(ApiConnectionOptions options, string email) => ForSignIn(options, email, null);

    internal static SmsClient ForSignIn(ApiConnectionOptions options, string email, Func<DateTimeOffset>? now)
    {
        string address = SmsRules.Instance.NotBlank("Email", email).Trim();
        SmsRules.Instance.Email("Email", address);
        var flow = new SignInFlow(address, options ?? throw new ArgumentNullException(nameof(options)), now ?? (() => DateTimeOffset.UtcNow));
        return new SmsClient(options, address, flow, now);
    }

    /// <summary>The e-mail address a sign-in client signs in as; null for a fixed token.</summary>
    public string? SignInEmail => _signInEmail;

    /// <summary>When the current token of a sign-in client expires (null before the sign-in, or when Tether did not say).</summary>
    public DateTimeOffset? TokenExpiresAt => _session?.ExpiresAt;

    /// <summary>How often a sign-in client renewed its token.</summary>
    public int TokenRenewals => _session?.Renewals ?? 0;

    /// <summary>Signs in now (a sign-in client does it on its first request anyway); nothing for a fixed token.</summary>
    public Task SignInAsync(CancellationToken cancellationToken = default) =>
        _session == null ? Task.CompletedTask : _session.EnsureFreshAsync(cancellationToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _session?.Dispose();
    }

    /// <inheritdoc />
    private protected override async Task<string?> CheckKeyAsync(CancellationToken cancellationToken)
    {
        await Transport.SendAsync<Envelope<JsonElement>>(ListCampaigns, HttpMethod.Get, "api/campaigns", null, cancellationToken).ConfigureAwait(false);
        return _signInEmail;
    }

    /// <summary>
    /// Creates a campaign (POST /api/campaigns) and reads it back for its full state. Never re-sent
    /// once it may have reached the server: a scheduled campaign would text its contacts twice.
    /// </summary>
    public async Task<SmsCampaign> CreateCampaignAsync(NewSmsCampaign campaign, CancellationToken cancellationToken = default)
    {
        CampaignBody body = (campaign ?? throw new ArgumentNullException(nameof(campaign))).ToBody(Now());
        Envelope<CampaignDto> created = await Transport.SendCheckedAsync<Envelope<CampaignDto>>(CreateCampaign, HttpMethod.Post, "api/campaigns", body, e => string.IsNullOrEmpty(e.Data?.UnderscoreId ?? e.Data?.Id) ? "the created campaign's id (data._id)" : null, cancellationToken).ConfigureAwait(false);
        SmsCampaign summary = (created.Data ?? new CampaignDto()).ToModel();
        if (string.IsNullOrEmpty(summary.Id))
        {
            return summary;
        }

        try
        {
            return await GetCampaignAsync(summary.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (CampaignApiException)
        {
            // The campaign exists; what the create answer said is better than reporting a failure.
            return summary;
        }
    }

    /// <summary>Reads one campaign (GET /api/campaigns/{id}).</summary>
    public async Task<SmsCampaign> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        Envelope<CampaignDto> response = await Transport.SendAsync<Envelope<CampaignDto>>(ForCampaign(GetCampaign, campaignId), HttpMethod.Get, CampaignPath(campaignId), null, cancellationToken).ConfigureAwait(false);
        return (response.Data ?? new CampaignDto()).ToModel();
    }

    /// <summary>Reads every campaign (GET /api/campaigns).</summary>
    public async Task<IReadOnlyList<SmsCampaign>> GetCampaignsAsync(CancellationToken cancellationToken = default)
    {
        Envelope<List<CampaignDto>> response = await Transport.SendAsync<Envelope<List<CampaignDto>>>(ListCampaigns, HttpMethod.Get, "api/campaigns", null, cancellationToken).ConfigureAwait(false);
        return (response.Data ?? new List<CampaignDto>()).Select(d => d.ToModel()).ToList();
    }

    /// <summary>Sends the campaign's messages now (POST /api/campaigns/{id}/send) and reads back the result with its statistics.</summary>
    public async Task<SmsCampaign> SendCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await Transport.SendWithoutResultAsync(ForCampaign(SendCampaign, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/send", new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        return await GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a scheduled campaign (POST /api/campaigns/{id}/cancel); <c>SmsCampaignNotScheduled</c> otherwise.</summary>
    public async Task<SmsCampaign> CancelCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await Transport.SendWithoutResultAsync(ForCampaign(CancelCampaign, campaignId), HttpMethod.Post, CampaignPath(campaignId) + "/cancel", new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        return await GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Classifies contacts as new, existing, protected, ... before a campaign (POST /api/campaigns/validate-contacts).</summary>
    public async Task<SmsContactValidation> ValidateContactsAsync(IReadOnlyList<SmsContact> contacts, string? segmentationJson = null, string? assignmentJson = null, CancellationToken cancellationToken = default)
    {
        if (contacts == null || contacts.Count == 0)
        {
            throw SmsRules.Instance.Fail("Contact", "No contacts to check. Pipe contacts in or pass -Contact.");
        }

        var body = new ValidateContactsBody
        {
            Contacts = contacts.Select(c => c.WireFields).ToList(),
            SegmentationConfig = Parse("Segmentation", segmentationJson),
            AssignmentConfig = Parse("Assignment", assignmentJson),
        };
        Envelope<ValidationDto> response = await Transport.SendAsync<Envelope<ValidationDto>>(ValidateContacts, HttpMethod.Post, "api/campaigns/validate-contacts", body, cancellationToken).ConfigureAwait(false);
        return (response.Data ?? new ValidationDto()).ToModel(contacts);
    }

    /// <summary>
    /// Reads the instance's contacts (GET /api/contacts). The route-derived reference gives only the generic envelope, so
    /// data is read as a list of contacts, or as an object holding one under "contacts".
    /// </summary>
    public async Task<IReadOnlyList<SmsContact>> GetContactsAsync(CancellationToken cancellationToken = default)
    {
        Envelope<JsonElement> response = await Transport.SendAsync<Envelope<JsonElement>>(ListContacts, HttpMethod.Get, "api/contacts", null, cancellationToken).ConfigureAwait(false);
        JsonElement data = response.Data;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("contacts", out JsonElement inner))
        {
            data = inner;
        }

        return data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(ContactJson.Read).ToList()
            : (IReadOnlyList<SmsContact>)Array.Empty<SmsContact>();
    }

    /// <summary>Changes a draft or scheduled campaign's name, message or send time (PATCH /api/campaigns/{id}); <c>SmsCampaignNotEditable</c> otherwise.</summary>
    public async Task<SmsCampaign> UpdateCampaignAsync(string campaignId, SmsCampaignChanges changes, CancellationToken cancellationToken = default)
    {
        CampaignPatchBody body = (changes ?? throw new ArgumentNullException(nameof(changes))).ToBody(Now());
        Envelope<CampaignDto> response = await Transport.SendAsync<Envelope<CampaignDto>>(ForCampaign(UpdateCampaign, campaignId), new HttpMethod("PATCH"), CampaignPath(campaignId), body, cancellationToken).ConfigureAwait(false);
        SmsCampaign updated = (response.Data ?? new CampaignDto()).ToModel();
        return string.IsNullOrEmpty(updated.Id) ? await GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false) : updated;
    }

    /// <summary>Deletes a campaign (DELETE /api/campaigns/{id}). It cannot be undone.</summary>
    public Task RemoveCampaignAsync(string campaignId, CancellationToken cancellationToken = default) =>
        Transport.SendWithoutResultAsync(ForCampaign(DeleteCampaign, campaignId), HttpMethod.Delete, CampaignPath(campaignId), null, cancellationToken);

    /// <summary>
    /// Asks Tether how it would split <see cref="SmsAutoSegmentRequest.TotalContacts"/> contacts into daily segments
    /// (POST /api/campaigns/auto-segment). Calculates only; nothing is created or sent.
    /// </summary>
    public async Task<SmsAutoSegmentPlan> GetAutoSegmentPlanAsync(SmsAutoSegmentRequest request, CancellationToken cancellationToken = default)
    {
        AutoSegmentBody body = (request ?? throw new ArgumentNullException(nameof(request))).ToBody();
        AutoSegmentDto dto = (await Transport.SendCheckedAsync<AutoSegmentDto>(AutoSegment, HttpMethod.Post, "api/campaigns/auto-segment", body,
            d => d.Inner.Segments == null ? "the segments" : null, cancellationToken).ConfigureAwait(false)).Inner;
        List<SmsCampaignSegment> segments = dto.Segments!.Select(s => new SmsCampaignSegment { Id = s.Id ?? string.Empty, ScheduledDate = s.ScheduledDate, ContactCount = s.ContactCount }).ToList();
        return new SmsAutoSegmentPlan { Segments = segments, TotalSegments = dto.TotalSegments ?? segments.Count, Warnings = dto.Warnings ?? new List<string>() };
    }

    private static ApiOperation ForCampaign(ApiOperation operation, string campaignId) => operation.About(("Campaign", campaignId));

    private static string CampaignPath(string campaignId) => "api/campaigns/" + Uri.EscapeDataString(SmsRules.CampaignId(campaignId));

    private static JsonElement? Parse(string field, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json!);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw SmsRules.Instance.Fail(field, $"{field} is not valid JSON ({exception.Message}).");
        }
    }

    // Sign-in and refresh for ForSignIn; the calls carry no connection credential of their own (a sign-in has none
    // yet, a refresh names its token), so the transport does not try to renew around them.
    private sealed class SignInFlow
    {
        private readonly string _email;
        private readonly ApiConnectionOptions _options;
        private readonly Func<DateTimeOffset> _now;

        public SignInFlow(string email, ApiConnectionOptions options, Func<DateTimeOffset> now)
        {
            _email = email;
            _options = options;
            _now = now;
            Authenticator = new RenewingBearerAuthenticator(SignInAsync, RefreshAsync, now);
        }

        public RenewingBearerAuthenticator Authenticator { get; }

        public SmsClient? Client { get; set; }

        private ApiTransport Transport => (Client ?? throw new InvalidOperationException("The client is not built yet.")).Transport;

        private async Task<IssuedToken> SignInAsync(CancellationToken cancellationToken)
        {
            var body = new SignInBody { Email = _email, Password = _options.ApiKey.Reveal() };
            TokenDto dto = await Transport.SendCheckedAsync<TokenDto>(SignIn, HttpMethod.Post, "api/auth/login", body, NoAuthenticator.Instance, MissingToken, cancellationToken).ConfigureAwait(false);
            return Issued(dto, null);
        }

        private async Task<IssuedToken> RefreshAsync(IssuedToken current, CancellationToken cancellationToken)
        {
            var body = new RefreshBody { RefreshToken = current.RefreshToken?.Reveal() };
            TokenDto dto = await Transport.SendCheckedAsync<TokenDto>(RefreshToken, HttpMethod.Post, "api/auth/refresh", body, new TokenBearerAuthenticator(current.Token), MissingToken, cancellationToken).ConfigureAwait(false);
            return Issued(dto, current.RefreshToken);
        }

        private static string? MissingToken(TokenDto dto) => string.IsNullOrEmpty(dto.AnyToken) ? "the token (data.token)" : null;

        private IssuedToken Issued(TokenDto dto, ApiSecret? previousRefresh)
        {
            TokenDto data = dto.Data ?? dto;
            string token = dto.AnyToken!;
            string? refresh = data.RefreshToken ?? dto.RefreshToken;
            double? expiresIn = data.ExpiresIn ?? dto.ExpiresIn;
            DateTimeOffset? expires = data.ExpiresAt ?? dto.ExpiresAt
                ?? (expiresIn > 0 ? _now().AddSeconds(expiresIn.Value) : (DateTimeOffset?)null)
                ?? JwtExpiry(token);
            return new IssuedToken(ApiSecret.FromString(token), refresh == null ? previousRefresh : ApiSecret.FromString(refresh), expires);
        }

        // The exp claim (seconds since 1970) of a JWT's payload, when the token is one.
        private static DateTimeOffset? JwtExpiry(string token)
        {
            string[] parts = token.Split('.');
            if (parts.Length != 3)
            {
                return null;
            }

            try
            {
                string payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
                using JsonDocument document = JsonDocument.Parse(Convert.FromBase64String(payload));
                return document.RootElement.TryGetProperty("exp", out JsonElement exp) && exp.TryGetInt64(out long seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : (DateTimeOffset?)null;
            }
            catch (Exception exception) when (exception is FormatException || exception is JsonException || exception is ArgumentException)
            {
                return null;
            }
        }
    }
}
