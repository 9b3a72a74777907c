namespace CampaignPS.Sandbox.Platforms.Outbox;

/// <summary>The Outbox sandbox's data. Records are immutable; an update replaces the stored record.</summary>
public sealed class OutboxSandboxState : SandboxState
{
    /// <summary>The seeded company; the sandbox's API key belongs to it (contacts are stored there).</summary>
    public static readonly Guid SeedCompanyId = Guid.Parse("c0ffee00-0000-4000-8000-000000000001");

    /// <summary>The seeded, verified, default sender identity of <see cref="SeedCompanyId"/>.</summary>
    public static readonly Guid SeedSenderId = Guid.Parse("5e4de400-0000-4000-8000-000000000001");

    public const string SeedSenderEmail = "hello@outbox-sandbox.example";

    /// <summary>The user behind the sandbox's API key (every campaign's created_by).</summary>
    public static readonly Guid SandboxUserId = Guid.Parse("05e40000-0000-4000-8000-000000000001");

    private static readonly DateTimeOffset SeedTime = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly List<OutboxCompany> _companies = [];
    private readonly List<OutboxSender> _senders = [];
    private readonly List<OutboxCampaign> _campaigns = [];
    private readonly List<OutboxContact> _contacts = [];
    private readonly List<OutboxAuthRecord> _authForms = [];
    private readonly SandboxSwitch<OutboxContactsAuth> _strictContactsAuth = new(OutboxContactsAuth.Either);

    internal OutboxSandboxState(TimeProvider time)
        : base(time)
    {
        Reset();
    }

    /// <summary>Which Authorization forms POST /contacts/ accepts (default Either); other routes accept both.</summary>
    public OutboxContactsAuth StrictContactsAuth
    {
        get => _strictContactsAuth.Value;
        set => _strictContactsAuth.Value = value;
    }

    /// <summary>Custom field names the seeded company has defined; other custom_fields keys are not stored.</summary>
    public IReadOnlyList<string> KnownCustomFields { get; } = ["plan", "region"];

    /// <summary>The company the API key belongs to.</summary>
    public Guid KeyCompanyId => SeedCompanyId;

    public IReadOnlyList<OutboxCompany> Companies
    {
        get { lock (Gate) { return _companies.ToArray(); } }
    }

    /// <summary>Sender identities in creation order (the seeded one first).</summary>
    public IReadOnlyList<OutboxSender> Senders
    {
        get { lock (Gate) { return _senders.ToArray(); } }
    }

    /// <summary>Campaigns in creation order.</summary>
    public IReadOnlyList<OutboxCampaign> Campaigns
    {
        get { lock (Gate) { return _campaigns.ToArray(); } }
    }

    public int CampaignCount
    {
        get { lock (Gate) { return _campaigns.Count; } }
    }

    /// <summary>Contacts in creation order.</summary>
    public IReadOnlyList<OutboxContact> Contacts
    {
        get { lock (Gate) { return _contacts.ToArray(); } }
    }

    public int ContactCount
    {
        get { lock (Gate) { return _contacts.Count; } }
    }

    /// <summary>The Authorization form of every platform request that reached authentication, in arrival order.</summary>
    public IReadOnlyList<OutboxAuthRecord> AuthForms
    {
        get { lock (Gate) { return _authForms.ToArray(); } }
    }

    public OutboxCampaign? Campaign(Guid campaignId)
    {
        lock (Gate) { return _campaigns.Find(c => c.Id == campaignId); }
    }

    public OutboxSender? Sender(Guid senderId)
    {
        lock (Gate) { return _senders.Find(s => s.Id == senderId); }
    }

    /// <summary>The contact with this email (case-insensitive) or phone number, or null.</summary>
    public OutboxContact? FindContact(string emailOrPhone)
    {
        lock (Gate)
        {
            return _contacts.Find(c => string.Equals(c.Email, emailOrPhone, StringComparison.OrdinalIgnoreCase))
                ?? _contacts.Find(c => c.PhoneNumber == emailOrPhone);
        }
    }

    /// <summary>Test helper: forces a campaign into draft, active, paused, completed or cancelled (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="ArgumentException">The status is not one of the five.</exception>
    public void SetCampaignStatus(Guid campaignId, string status)
    {
        var canonical = CanonicalStatus(OutboxCampaignStatus.All, status);
        lock (Gate)
        {
            var index = _campaigns.FindIndex(c => c.Id == campaignId);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No Outbox campaign has id {campaignId}.");
            }
            _campaigns[index] = _campaigns[index] with { Status = canonical, UpdatedAt = UtcNow };
        }
    }

    private protected override void Reseed()
    {
        _companies.Clear();
        _senders.Clear();
        _campaigns.Clear();
        _contacts.Clear();
        _authForms.Clear();
        _strictContactsAuth.Reset();
        _companies.Add(new OutboxCompany(SeedCompanyId, "Sandbox Company"));
        _senders.Add(new OutboxSender(
            SeedSenderId, SeedCompanyId, SeedSenderEmail, "Sandbox Sender", null, UseDefaultReplyTo: true, null, null,
            IsDefault: true, VerifiedAt: SeedTime, null, null, SeedTime, SeedTime));
    }

    internal void RecordAuth(string method, string path, OutboxAuthForm form, bool accepted)
    {
        lock (Gate) { _authForms.Add(new OutboxAuthRecord(method, path, form, accepted)); }
    }

    internal OutboxCampaign CreateCampaign(OutboxCampaignInput input)
    {
        lock (Gate)
        {
            RequireCompany(input.Company);
            var senders = input.SenderIdentityIds
                .Select(id => _senders.Find(s => s.Id == id) ?? throw OutboxInputs.Fail(
                    "sender_identity_ids", $"Invalid pk \"{id}\" - object does not exist."))
                .ToArray();
            if (senders.FirstOrDefault(s => s.Company != input.Company) is { } foreign)
            {
                throw OutboxInputs.Fail("sender_identity_ids", $"Sender identity \"{foreign.Id}\" does not belong to company \"{input.Company}\".");
            }

            var now = UtcNow;
            var campaign = new OutboxCampaign(
                Guid.NewGuid(), input.Name, input.Company, input.SenderIdentityIds, senders.Select(s => s.FromEmail).ToArray(),
                input.Description, input.Timezone, input.AllowedWindowsJson, input.AllowedWindows, input.StopOnReply, input.Status,
                input.Workflow, input.ResponderAgent, SandboxUserId, now, now);
            _campaigns.Add(campaign);
            return campaign;
        }
    }

    internal OutboxSender CreateSender(OutboxSenderInput input)
    {
        lock (Gate)
        {
            RequireCompany(input.Company);
            if (_senders.Exists(s => s.Company == input.Company && string.Equals(s.FromEmail, input.FromEmail, StringComparison.OrdinalIgnoreCase)))
            {
                throw OutboxInputs.Fail("from_email", "sender with this from_email already exists.");
            }

            if (input.IsDefault)
            {
                for (var i = 0; i < _senders.Count; i++)
                {
                    if (_senders[i].Company == input.Company && _senders[i].IsDefault)
                    {
                        _senders[i] = _senders[i] with { IsDefault = false, UpdatedAt = UtcNow };
                    }
                }
            }

            var now = UtcNow;
            // A new sender is unverified (verified_at null) until Outbox has checked its domain.
            var sender = new OutboxSender(
                Guid.NewGuid(), input.Company, input.FromEmail, input.FromName, input.ReplyToEmail, input.UseDefaultReplyTo,
                input.ProviderSenderId, input.VerificationDetailsJson, input.IsDefault, VerifiedAt: null,
                input.Connection, input.Domain, now, now);
            _senders.Add(sender);
            return sender;
        }
    }

    /// <summary>Creates the contact, or updates the company's contact with the same email (else phone number).</summary>
    /// <returns>true when a contact was created.</returns>
    internal bool UpsertContact(Guid company, OutboxContactInput input)
    {
        lock (Gate)
        {
            var now = UtcNow;
            var index = input.Email is { } email
                ? _contacts.FindIndex(c => c.Company == company && c.Email == email)
                : -1;
            if (index < 0 && input.PhoneNumber is { } phone)
            {
                index = _contacts.FindIndex(c => c.Company == company && c.PhoneNumber == phone);
            }

            if (index < 0)
            {
                _contacts.Add(new OutboxContact(
                    Guid.NewGuid(), company, input.FullName.Value, input.Email, input.PhoneNumber, input.BusinessName.Value,
                    input.Notes.Value, input.Tags, input.IsDnd.Value, input.LeadSource.IsSet ? input.LeadSource.Value : OutboxLeadSource.Manual,
                    input.CustomFields, now, now));
                return true;
            }

            var stored = _contacts[index];
            var customFields = new Dictionary<string, string?>(stored.CustomFields, StringComparer.Ordinal);
            foreach (var (name, value) in input.CustomFields)
            {
                customFields[name] = value;
            }
            _contacts[index] = stored with
            {
                FullName = input.FullName.IsSet ? input.FullName.Value : stored.FullName,
                Email = input.Email ?? stored.Email,
                PhoneNumber = input.PhoneNumber ?? stored.PhoneNumber,
                BusinessName = input.BusinessName.IsSet ? input.BusinessName.Value : stored.BusinessName,
                Notes = input.Notes.IsSet ? input.Notes.Value : stored.Notes,
                Tags = OutboxInputs.MergeTags(stored.Tags, input.Tags),
                IsDnd = input.IsDnd.IsSet ? input.IsDnd.Value : stored.IsDnd,
                LeadSource = input.LeadSource.IsSet ? input.LeadSource.Value : stored.LeadSource,
                CustomFields = customFields,
                UpdatedAt = now,
            };
            return false;
        }
    }

    private void RequireCompany(Guid company)
    {
        if (!_companies.Exists(c => c.Id == company))
        {
            throw OutboxInputs.Fail("company", $"Invalid pk \"{company}\" - object does not exist.");
        }
    }
}
