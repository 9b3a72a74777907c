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

    /// <summary>Creates a client for the instance at <see cref="ApiConnectionOptions.BaseUri"/> (required).</summary>
    public SmsClient(ApiConnectionOptions options)
        : this(options, null)
    {
    }

    internal SmsClient(ApiConnectionOptions options, Func<DateTimeOffset>? now)
        : base(PlatformInfo.Sms, options, new BearerAuthenticator(), now)
    {
    }

    /// <summary>The client's clock (what "in the future" is measured against).</summary>
    internal DateTimeOffset UtcNow => Now();

    /// <inheritdoc />
    private protected override async Task<string?> CheckKeyAsync(CancellationToken cancellationToken)
    {
        await Transport.SendAsync<Envelope<JsonElement>>(ListCampaigns, HttpMethod.Get, "api/campaigns", null, cancellationToken).ConfigureAwait(false);
        return null;
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
}
