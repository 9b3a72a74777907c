using System.Collections;
using System.Text;
using System.Text.Json;

namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A lead's status in a campaign. The API reference lists ACTIVE, PAUSED, COMPLETED, UNSUBSCRIBED and BOUNCED;
/// the docs site's lead pages list STARTED, INPROGRESS, COMPLETED, PAUSED and STOPPED. Both sets are accepted
/// as list filters and sent as given, because which one an account's server knows is the account's.
/// </summary>
public enum SmartleadLeadStatus
{
    /// <summary>ACTIVE (API reference): the lead is in the sequence.</summary>
    Active,
    /// <summary>PAUSED: no emails until resumed.</summary>
    Paused,
    /// <summary>COMPLETED: the sequence is over for this lead.</summary>
    Completed,
    /// <summary>UNSUBSCRIBED (API reference).</summary>
    Unsubscribed,
    /// <summary>BOUNCED (API reference).</summary>
    Bounced,
    /// <summary>STARTED (docs site): added, no email sent yet.</summary>
    Started,
    /// <summary>INPROGRESS (docs site): at least one email sent.</summary>
    InProgress,
    /// <summary>STOPPED (docs site): taken out of the sequence.</summary>
    Stopped,
}

/// <summary>What happened to a lead's emails, as the lead list and the statistics filter by it.</summary>
public enum SmartleadEmailStatus
{
    /// <summary>Sent (lead list only: every statistics row is a sent email).</summary>
    Sent,
    /// <summary>Opened.</summary>
    Opened,
    /// <summary>A link was clicked.</summary>
    Clicked,
    /// <summary>The lead replied.</summary>
    Replied,
    /// <summary>The email bounced.</summary>
    Bounced,
    /// <summary>The lead unsubscribed (statistics only: the lead list filters that with its Status).</summary>
    Unsubscribed,
}

/// <summary>Which of a campaign's leads to list; only what is set is sent.</summary>
public sealed class SmartleadLeadFilter
{
    /// <summary>Only leads with this status.</summary>
    public SmartleadLeadStatus? Status { get; set; }

    /// <summary>Only leads whose emails were opened, clicked, replied to, ... (the API reference's email_status).</summary>
    public SmartleadEmailStatus? EmailStatus { get; set; }

    /// <summary>Only leads at this step of the sequence, 1 to 20.</summary>
    public int? SequenceNumber { get; set; }

    /// <summary>Only leads in this category (the docs site's lead_category_id).</summary>
    public long? CategoryId { get; set; }

    /// <summary>Checks the filter without sending anything.</summary>
    public void Validate() => Query().ToList();

    internal IEnumerable<KeyValuePair<string, string?>> Query()
    {
        var rules = SmartleadRules.Instance;
        rules.Range("SequenceNumber", SequenceNumber, 1, 20);
        rules.Range("CategoryId", CategoryId, 1, long.MaxValue);
        if (EmailStatus == SmartleadEmailStatus.Unsubscribed)
        {
            throw rules.Fail("EmailStatus", "EmailStatus Unsubscribed is not a lead-list filter. Use -Status Unsubscribed, or Get-SmartleadCampaignStatistic -EmailStatus Unsubscribed.");
        }

        if (Status.HasValue)
        {
            yield return Pair("status", Status.Value.ToString().ToUpperInvariant());
        }

        if (EmailStatus.HasValue)
        {
            // The API reference's email_status takes capitalised words (Sent, Opened, ...).
            yield return Pair("email_status", EmailStatus.Value.ToString());
        }

        if (SequenceNumber.HasValue)
        {
            yield return Pair("email_sequence_number", SequenceNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (CategoryId.HasValue)
        {
            yield return Pair("lead_category_id", CategoryId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static KeyValuePair<string, string?> Pair(string name, string value) => new KeyValuePair<string, string?>(name, value);
}

/// <summary>
/// A lead in one campaign, as Get-SmartleadLead writes it: Id (the lead) and CampaignId bind the lead cmdlets
/// (Suspend-, Resume-, Remove-, Unregister-SmartleadLead, Set-SmartleadLeadCategory) from the pipeline.
/// </summary>
public sealed class SmartleadCampaignLead
{
    /// <summary>The lead id, for -LeadId.</summary>
    public long Id { get; internal set; }

    /// <summary>The campaign the lead is in (0 when the lead is in none).</summary>
    public long CampaignId { get; internal set; }

    /// <summary>The campaign's name, when the answer carries it (lookups by e-mail).</summary>
    public string? CampaignName { get; internal set; }

    /// <summary>The lead's e-mail address.</summary>
    public string Email { get; internal set; } = string.Empty;

    /// <summary>First name.</summary>
    public string? FirstName { get; internal set; }

    /// <summary>Last name.</summary>
    public string? LastName { get; internal set; }

    /// <summary>Company.</summary>
    public string? CompanyName { get; internal set; }

    /// <summary>Phone number.</summary>
    public string? PhoneNumber { get; internal set; }

    /// <summary>Website.</summary>
    public string? Website { get; internal set; }

    /// <summary>Location.</summary>
    public string? Location { get; internal set; }

    /// <summary>LinkedIn profile.</summary>
    public string? LinkedinProfile { get; internal set; }

    /// <summary>Company URL.</summary>
    public string? CompanyUrl { get; internal set; }

    /// <summary>The lead's status in the campaign (ACTIVE, PAUSED, COMPLETED, ... in the server's vocabulary).</summary>
    public string? Status { get; internal set; }

    /// <summary>The lead's category id in the campaign, if it has one.</summary>
    public long? CategoryId { get; internal set; }

    /// <summary>The category's name, when the answer carries it.</summary>
    public string? CategoryName { get; internal set; }

    /// <summary>Unsubscribed from every campaign (when the answer says).</summary>
    public bool? IsUnsubscribed { get; internal set; }

    /// <summary>The custom fields (shown, and written by Export-Csv, as one JSON object).</summary>
    public SmartleadCustomFields CustomFields { get; internal set; } = SmartleadCustomFields.Empty;

    /// <summary>When the lead was added.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the lead last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    internal SmartleadCampaignLead Copy() => (SmartleadCampaignLead)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() => $"{Email} ({Id}, campaign {CampaignId}, {Status})";
}

/// <summary>A lead's custom fields: a read-only map whose text form is one JSON object, so that a CSV export keeps them in one column.</summary>
public sealed class SmartleadCustomFields : IReadOnlyDictionary<string, string>
{
    internal static readonly SmartleadCustomFields Empty = new SmartleadCustomFields(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _fields;

    internal SmartleadCustomFields(IReadOnlyDictionary<string, string> fields) => _fields = fields;

    /// <inheritdoc />
    public int Count => _fields.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _fields.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => _fields.Values;

    /// <inheritdoc />
    public string this[string key] => _fields[key];

    /// <inheritdoc />
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out string value) => _fields.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString()
    {
        if (_fields.Count == 0)
        {
            return string.Empty;
        }

        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> field in _fields)
            {
                writer.WriteString(field.Key, field.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Custom field values are free-form JSON: text stays text, anything else keeps its JSON spelling.
    internal static SmartleadCustomFields From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } fields)
        {
            return Empty;
        }

        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty field in fields.EnumerateObject())
        {
            read[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString() ?? string.Empty,
                JsonValueKind.Null => string.Empty,
                _ => field.Value.GetRawText(),
            };
        }

        return new SmartleadCustomFields(read);
    }
}

/// <summary>A lead category (Interested, Not Interested, ...), for Set-SmartleadLeadCategory -CategoryId.</summary>
public sealed class SmartleadLeadCategory
{
    /// <summary>The category id.</summary>
    public long Id { get; internal set; }

    /// <summary>The category's name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>positive, negative or neutral (docs site), when the answer says.</summary>
    public string? Sentiment { get; internal set; }

    /// <summary>The colour the app shows it in (API reference), when the answer says.</summary>
    public string? Color { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}
