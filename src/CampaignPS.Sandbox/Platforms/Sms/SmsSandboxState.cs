using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Sms;

/// <summary>The Tether (SMS) sandbox's data. Records are immutable; an update replaces the stored record.</summary>
public sealed partial class SmsSandboxState : SandboxState
{
    /// <summary>Seeded contacts; the first two are the ones the docs' create-campaign example selects.</summary>
    public const string SamContactId = "665f1a0c0e0a4b001a2c9f01";
    public const string AlexContactId = "665f1a0c0e0a4b001a2c9f02";

    /// <summary>The seeded protected (recently messaged) contact.</summary>
    public const string ProtectedContactId = "665f1a0c0e0a4b001a2c9f03";

    /// <summary>Sends to numbers ending in this fail with <see cref="CarrierRejected"/>.</summary>
    public const string FailingPhoneSuffix = "0000";
    public const string CarrierRejected = "Carrier rejected the message";

    /// <summary>The organisation and user behind the sandbox's token (the campaign object example's ids).</summary>
    public const string OrganizationId = "64ee9a8b1e7f2a0011223344";
    public const string UserId = "64ee9a8b1e7f2a0011223399";
    public const string UserFullName = "Alex Rep";

    private static readonly DateTimeOffset SeedTime = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly List<SmsCampaign> _campaigns = [];
    private readonly List<SmsContact> _contacts = [];
    private readonly IdSequence _idCounter = new(0x5a4db0c0ffee0001);
    private readonly SandboxSwitch<SmsErrorShape> _errorShape = new(SmsErrorShape.Nested);

    internal SmsSandboxState(TimeProvider time)
        : base(time)
    {
        Reset();
    }

    /// <summary>Shape of every error body (default <see cref="SmsErrorShape.Nested"/>).</summary>
    public SmsErrorShape ErrorShape
    {
        get => _errorShape.Value;
        set => _errorShape.Value = value;
    }

    /// <summary>Contacts in creation order (the three seeded ones first).</summary>
    public IReadOnlyList<SmsContact> Contacts
    {
        get { lock (Gate) { return _contacts.ToArray(); } }
    }

    public int ContactCount
    {
        get { lock (Gate) { return _contacts.Count; } }
    }

    /// <summary>Campaigns, newest first, with their recipients' current contact records.</summary>
    public IReadOnlyList<SmsCampaign> Campaigns
    {
        get { lock (Gate) { return _campaigns.AsEnumerable().Reverse().Select(Resolve).ToArray(); } }
    }

    public int CampaignCount
    {
        get { lock (Gate) { return _campaigns.Count; } }
    }

    public SmsCampaign? Campaign(string campaignId)
    {
        lock (Gate) { return _campaigns.Find(c => c.Id == campaignId) is { } campaign ? Resolve(campaign) : null; }
    }

    public SmsContact? Contact(string contactId)
    {
        lock (Gate) { return _contacts.Find(c => c.Id == contactId); }
    }

    /// <summary>Test helper: forces a campaign into draft, scheduled, sending, completed, cancelled or failed (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="ArgumentException">The status is not one of those.</exception>
    public void SetCampaignStatus(string campaignId, string status)
    {
        var canonical = CanonicalStatus(SmsCampaignStatus.All, status);
        lock (Gate)
        {
            var index = _campaigns.FindIndex(c => c.Id == campaignId);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No SMS campaign has id \"{campaignId}\".");
            }
            _campaigns[index] = _campaigns[index] with { Status = canonical, UpdatedAt = UtcNow };
        }
    }

    /// <summary>Test helper: changes a contact as Tether's own app could (no checks), e.g. a phone number that is not E.164
    /// or a first name removed; a null argument keeps the field, an empty string clears it (the phone number becomes empty).</summary>
    /// <exception cref="KeyNotFoundException">No contact has that id.</exception>
    public void EditContact(string contactId, string? firstName, string? lastName, string? phoneNumber, string? email)
    {
        static string? Apply(string? current, string? given) => given is null ? current : given.Length == 0 ? null : given;
        lock (Gate)
        {
            var index = _contacts.FindIndex(c => c.Id == contactId);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No SMS contact has id \"{contactId}\".");
            }
            var contact = _contacts[index];
            _contacts[index] = contact with
            {
                FirstName = Apply(contact.FirstName, firstName),
                LastName = Apply(contact.LastName, lastName),
                PhoneNumber = phoneNumber ?? contact.PhoneNumber,
                Email = Apply(contact.Email, email),
            };
        }
    }

    /// <summary>Test helper: sets a campaign's scheduleDate without the future-time check (a schedule that has passed), keeping its status.</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    public void SetCampaignScheduleDate(string campaignId, DateTimeOffset? scheduleDate)
    {
        lock (Gate)
        {
            var index = _campaigns.FindIndex(c => c.Id == campaignId);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No SMS campaign has id \"{campaignId}\".");
            }
            _campaigns[index] = _campaigns[index] with { ScheduleDate = scheduleDate, UpdatedAt = UtcNow };
        }
    }

    private protected override void Reseed()
    {
        ResetAuth();
        _campaigns.Clear();
        _contacts.Clear();
        _idCounter.Reset();
        _errorShape.Reset();
        _contacts.Add(new SmsContact(SamContactId, "Sam", "Patel", "+14165550100", null, false, null, SeedTime));
        _contacts.Add(new SmsContact(AlexContactId, "Alex", "Morgan", "+14165550101", null, false, null, SeedTime));
        _contacts.Add(new SmsContact(ProtectedContactId, "Riley", "Chen", "+14165550102", null, IsProtected: true, SeedTime.AddDays(-1), SeedTime));
    }

    internal SmsCampaign CreateCampaign(SmsCampaignInput input)
    {
        lock (Gate)
        {
            // Check every reference before storing anything, so a refused request leaves no new contacts behind.
            var recipients = new List<SmsContact>();
            foreach (var reference in input.ExistingContacts)
            {
                recipients.Add(_contacts.Find(c => c.Id == reference.Id)
                    ?? throw PlatformErrorException.FieldError(reference.Field, $"{reference.Field}: no contact has id \"{reference.Id}\"."));
            }

            var now = UtcNow;
            foreach (var contact in input.NewContacts)
            {
                // A "new" contact whose number is already stored is the stored contact.
                var stored = _contacts.Find(c => c.PhoneNumber == contact.PhoneNumber);
                if (stored is null)
                {
                    stored = new SmsContact(NewId(), contact.FirstName, contact.LastName, contact.PhoneNumber, contact.Email, false, null, now);
                    _contacts.Add(stored);
                }
                recipients.Add(stored);
            }

            var contacts = recipients.DistinctBy(c => c.Id).ToArray();
            var status = input.RequestedStatus ?? (input.ScheduleDate is null ? SmsCampaignStatus.Draft : SmsCampaignStatus.Scheduled);
            var campaign = new SmsCampaign(
                NewId(), input.Name, input.Message, status, input.ScheduleDate, input.Process, input.ContactStatus, input.IsAutopilot, "sms",
                contacts, new SmsCampaignStats(contacts.Length, 0, 0, "0%"), [], input.SegmentationJson, input.AssignmentJson,
                input.RawCsvDataJson, now, now);
            _campaigns.Add(campaign);
            return Resolve(campaign);
        }
    }

    internal SmsCampaign ViewCampaign(string campaignId)
    {
        lock (Gate) { return Resolve(_campaigns[Require(campaignId)]); }
    }

    /// <summary>Name, message and scheduleDate of a draft or scheduled campaign; a date schedules it, null makes it a draft.</summary>
    internal SmsCampaign UpdateCampaign(string campaignId, SmsCampaignPatch patch)
    {
        lock (Gate)
        {
            var index = Require(campaignId);
            var campaign = _campaigns[index];
            if (campaign.Status is not (SmsCampaignStatus.Draft or SmsCampaignStatus.Scheduled))
            {
                throw Conflict("CAMPAIGN_NOT_EDITABLE", $"Campaign is {campaign.Status}; only draft or scheduled campaigns can be edited.");
            }
            var updated = campaign with
            {
                Name = patch.Name.IsSet ? patch.Name.Value : campaign.Name,
                Message = patch.Message.IsSet ? patch.Message.Value : campaign.Message,
                UpdatedAt = UtcNow,
            };
            if (patch.ScheduleDate.IsSet)
            {
                updated = updated with
                {
                    ScheduleDate = patch.ScheduleDate.Value,
                    Status = patch.ScheduleDate.Value is null ? SmsCampaignStatus.Draft : SmsCampaignStatus.Scheduled,
                };
            }
            _campaigns[index] = updated;
            return Resolve(updated);
        }
    }

    internal void DeleteCampaign(string campaignId)
    {
        lock (Gate) { _campaigns.RemoveAt(Require(campaignId)); }
    }

    /// <summary>Sends a draft or scheduled campaign now: it ends "completed". Numbers ending in 0000 fail
    /// (failedDetails, failedUserIds); the others count as sent and their contacts as messaged.</summary>
    internal SmsCampaign SendCampaign(string campaignId)
    {
        lock (Gate)
        {
            var index = Require(campaignId);
            var campaign = _campaigns[index];
            switch (campaign.Status)
            {
                case SmsCampaignStatus.Draft or SmsCampaignStatus.Scheduled:
                    break;
                case SmsCampaignStatus.Completed or SmsCampaignStatus.Sending:
                    throw SendRefused("CAMPAIGN_ALREADY_SENT", $"Campaign is {campaign.Status}; it has already been sent.");
                case SmsCampaignStatus.Cancelled:
                    throw SendRefused("CAMPAIGN_CANCELLED", "Campaign is cancelled; a cancelled campaign cannot be sent.");
                default:
                    throw SendRefused("CAMPAIGN_NOT_SENDABLE", $"Campaign is {campaign.Status}; only draft or scheduled campaigns can be sent.");
            }

            var now = UtcNow;
            var failed = new List<SmsFailedDetail>();
            foreach (var recipient in campaign.Contacts)
            {
                if (recipient.PhoneNumber.EndsWith(FailingPhoneSuffix, StringComparison.Ordinal))
                {
                    failed.Add(new SmsFailedDetail(recipient.Id, recipient.PhoneNumber, CarrierRejected));
                    continue;
                }
                var contactIndex = _contacts.FindIndex(c => c.Id == recipient.Id);
                _contacts[contactIndex] = _contacts[contactIndex] with { LastMessagedAt = now };
            }

            var total = campaign.Contacts.Count;
            var sent = total - failed.Count;
            var rate = total == 0 ? "0%" : (sent * 100.0 / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";
            var updated = campaign with
            {
                Status = SmsCampaignStatus.Completed,
                Stats = new SmsCampaignStats(total, sent, failed.Count, rate),
                FailedDetails = failed,
                UpdatedAt = now,
            };
            _campaigns[index] = updated;
            return Resolve(updated);
        }
    }

    internal SmsCampaign CancelCampaign(string campaignId)
    {
        lock (Gate)
        {
            var index = Require(campaignId);
            var campaign = _campaigns[index];
            if (campaign.Status != SmsCampaignStatus.Scheduled)
            {
                throw Conflict("CAMPAIGN_NOT_SCHEDULED", $"Only scheduled campaigns can be cancelled; this campaign is {campaign.Status}.");
            }
            var updated = campaign with { Status = SmsCampaignStatus.Cancelled, UpdatedAt = UtcNow };
            _campaigns[index] = updated;
            return Resolve(updated);
        }
    }

    /// <summary>Sorts contacts by phone number: protected, already messaged by a send, existing, or new.
    /// A number that appears twice is classified once.</summary>
    internal SmsContactValidation ValidateContacts(SmsValidateInput input)
    {
        lock (Gate)
        {
            var fresh = new List<JsonNode>();
            var existing = new List<SmsContact>();
            var messaged = new List<SmsContact>();
            var protectedContacts = new List<SmsContact>();
            foreach (var (_, phone, raw) in input.Contacts.DistinctBy(c => c.PhoneNumber))
            {
                var stored = _contacts.Find(c => c.PhoneNumber == phone);
                var list = stored switch
                {
                    null => null,
                    { IsProtected: true } => protectedContacts,
                    { LastMessagedAt: not null } => messaged,
                    _ => existing,
                };
                if (list is null)
                {
                    fresh.Add(raw);
                }
                else
                {
                    list.Add(stored!);
                }
            }
            return new SmsContactValidation(fresh, existing, messaged, protectedContacts);
        }
    }

    // Campaign records keep the recipients as they were added; views show the contacts' current records.
    private SmsCampaign Resolve(SmsCampaign campaign) =>
        campaign with { Contacts = campaign.Contacts.Select(c => _contacts.Find(stored => stored.Id == c.Id) ?? c).ToArray() };

    private int Require(string campaignId)
    {
        var index = _campaigns.FindIndex(c => c.Id == campaignId);
        return index >= 0
            ? index
            : throw new PlatformErrorException(StatusCodes.Status404NotFound, "Campaign not found") { Code = "CAMPAIGN_NOT_FOUND" };
    }

    // POST /api/campaigns/{id}/send documents 400 as its only error status (api_campaigns_id_send.yaml).
    private static PlatformErrorException SendRefused(string code, string message) =>
        new(StatusCodes.Status400BadRequest, message) { Code = code };

    private static PlatformErrorException Conflict(string code, string message) =>
        new(StatusCodes.Status409Conflict, message) { Code = code };

    // Mongo ObjectId-like: 8 hex digits of Unix seconds, then 16 of a counter.
    private string NewId() =>
        ((uint)UtcNow.ToUnixTimeSeconds()).ToString("x8", CultureInfo.InvariantCulture) + _idCounter.Next().ToString("x16", CultureInfo.InvariantCulture);
}
