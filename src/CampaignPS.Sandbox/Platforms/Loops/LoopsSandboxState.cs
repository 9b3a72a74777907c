namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The Loops sandbox's data. Records are immutable; an update replaces the stored record.</summary>
public sealed class LoopsSandboxState : SandboxState
{
    public const string UnsortedGroupId = "grp_unsorted";
    public const string UnsortedGroupName = "Unsorted";

    private static readonly DateTimeOffset SeedTime = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, LoopsCampaign> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoopsEmailMessage> _emailMessages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoopsCampaignGroup> _groups = new(StringComparer.Ordinal);
    private readonly LoopsMailingList[] _mailingLists =
    [
        new("list_main", "Main mailing list", "Everyone who signed up on the website", IsPublic: true),
        new("list_beta", "Beta testers", "People who asked for early access", IsPublic: false),
    ];
    private readonly List<LoopsAudienceSegment> _segments = new();
    private readonly Dictionary<string, LoopsCampaignMetrics> _metrics = new(StringComparer.Ordinal);
    private readonly List<LoopsPreview> _previews = new();
    private readonly Dictionary<string, LoopsUploadRecord> _uploads = new(StringComparer.Ordinal);

    /// <summary>Contact properties the sandbox's audience has (Guardian flags others).</summary>
    public static readonly IReadOnlySet<string> ContactProperties = new HashSet<string>(StringComparer.Ordinal)
        { "email", "firstName", "lastName", "userGroup", "source", "userId", "subscribed" };

    /// <summary>1.21.6 CreateUploadRequest: the image types and largest size Loops takes.</summary>
    public static readonly IReadOnlyList<string> UploadTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];
    public const long MaxUploadBytes = 4_000_000;
    public const int MaxUploadsPerDay = 50;
    public const int MaxPreviewsPerDay = 100;
    public const int MaxSegmentConditions = 20;
    private readonly IdSequence _creationOrder = new(1);
    private readonly SandboxSwitch<LoopsCreateShape> _createShape = new(LoopsCreateShape.Current);

    internal LoopsSandboxState(TimeProvider time)
        : base(time)
    {
        Reset();
    }

    /// <summary>Shape of campaign objects in responses (create, get, list, update).</summary>
    public LoopsCreateShape CreateShape
    {
        get => _createShape.Value;
        set => _createShape.Value = value;
    }

    /// <summary>Stored campaigns, newest first.</summary>
    public IReadOnlyList<LoopsCampaign> Campaigns
    {
        get { lock (Gate) { return _campaigns.Values.OrderByDescending(c => c.Sequence).ToArray(); } }
    }

    public int CampaignCount
    {
        get { lock (Gate) { return _campaigns.Count; } }
    }

    /// <summary>Campaign groups including the reserved Unsorted group, newest first.</summary>
    public IReadOnlyList<LoopsCampaignGroup> CampaignGroups
    {
        get { lock (Gate) { return _groups.Values.OrderByDescending(g => g.Sequence).ToArray(); } }
    }

    /// <summary>Seeded audience segments, newest first.</summary>
    public IReadOnlyList<LoopsAudienceSegment> AudienceSegments
    {
        get { lock (Gate) { return _segments.OrderByDescending(s => s.CreatedAt).ToArray(); } }
    }

    /// <summary>Previews sent, oldest first.</summary>
    public IReadOnlyList<LoopsPreview> Previews
    {
        get { lock (Gate) { return _previews.ToArray(); } }
    }

    /// <summary>Uploads, in no particular order.</summary>
    public IReadOnlyList<LoopsUploadRecord> Uploads
    {
        get { lock (Gate) { return _uploads.Values.ToArray(); } }
    }

    /// <summary>How many contacts a campaign sends to: 120 on the main list, 15 on the beta list, 40 per segment.</summary>
    public static long AudienceSize(LoopsCampaign campaign) =>
        campaign.AudienceSegmentId != null ? 40 : campaign.MailingListId switch { "list_main" => 120, "list_beta" => 15, _ => 0 };

    public IReadOnlyList<LoopsMailingList> MailingLists => _mailingLists;

    public LoopsCampaign? GetCampaign(string campaignId)
    {
        lock (Gate) { return _campaigns.GetValueOrDefault(campaignId); }
    }

    public LoopsEmailMessage? GetEmailMessage(string emailMessageId)
    {
        lock (Gate) { return _emailMessages.GetValueOrDefault(emailMessageId); }
    }

    public string? GetCurrentRevision(string emailMessageId) => GetEmailMessage(emailMessageId)?.ContentRevisionId;

    /// <summary>Test helper: moves a campaign to Draft, Scheduled, Sending or Sent (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="ArgumentException">The status is not one of the four.</exception>
    public void SetCampaignStatus(string campaignId, string status)
    {
        var canonical = CanonicalStatus(LoopsCampaignStatus.All, status);
        lock (Gate)
        {
            var campaign = _campaigns.GetValueOrDefault(campaignId)
                ?? throw new KeyNotFoundException($"No campaign has id \"{campaignId}\".");
            _campaigns[campaignId] = campaign with { Status = canonical, UpdatedAt = NowToTheMillisecond() };
        }
    }

    private protected override void Reseed()
    {
        _campaigns.Clear();
        _emailMessages.Clear();
        _groups.Clear();
        _segments.Clear();
        _segments.AddRange(Enumerable.Range(1, 25)
            .Select(n => new LoopsAudienceSegment($"seg_{n:00}", $"Segment {n:00}", $"Seeded segment number {n}", SeedTime.AddDays(n))));
        _metrics.Clear();
        _previews.Clear();
        _uploads.Clear();
        _creationOrder.Reset();
        AddGroup(UnsortedGroupId, UnsortedGroupName, "Campaigns that are not in any other group", SeedTime);
        AddGroup("grp_launches", "Launches", "Product launch announcements", SeedTime.AddDays(1));
        _createShape.Reset();
    }

    internal LoopsCampaignView CreateCampaign(LoopsCampaignInput input)
    {
        lock (Gate)
        {
            EnsureReferencesExist(input);
            var now = NowToTheMillisecond();
            var campaignId = NewId("cmp");
            var emailMessage = new LoopsEmailMessage(
                NewId("em"), campaignId, "", "", "", "", "", "", NewId("rev"), now);
            var blank = new LoopsCampaign(
                campaignId, input.Name.Value, LoopsCampaignStatus.Draft, emailMessage.Id,
                null, null, null, UnsortedGroupId, null, now, now)
            {
                Sequence = _creationOrder.Next(),
            };
            var campaign = Apply(blank, input, now);
            _emailMessages.Add(emailMessage.Id, emailMessage);
            _campaigns.Add(campaign.Id, campaign);
            return new LoopsCampaignView(campaign, emailMessage);
        }
    }

    internal LoopsCampaignView UpdateCampaign(string campaignId, LoopsCampaignInput input)
    {
        lock (Gate)
        {
            var campaign = RequireCampaign(campaignId);
            if (campaign.Status != LoopsCampaignStatus.Draft && input.ChangesMoreThanNameOrGroup)
            {
                throw NotDraft();
            }
            EnsureReferencesExist(input);
            var updated = Apply(campaign, input, NowToTheMillisecond());
            _campaigns[campaignId] = updated;
            if (updated.Status == LoopsCampaignStatus.Sending && campaign.Status != LoopsCampaignStatus.Sending)
            {
                // Sending now: every contact of the audience gets one send.
                _metrics[campaignId] = new LoopsCampaignMetrics(AudienceSize(updated), 0, 0, 0, 0, 0, 0);
            }
            return new LoopsCampaignView(updated, _emailMessages[updated.EmailMessageId]);
        }
    }

    internal LoopsCampaignView ViewCampaign(string campaignId)
    {
        lock (Gate)
        {
            var campaign = RequireCampaign(campaignId);
            return new LoopsCampaignView(campaign, _emailMessages[campaign.EmailMessageId]);
        }
    }

    internal IReadOnlyList<LoopsCampaignView> ViewCampaigns()
    {
        lock (Gate)
        {
            return _campaigns.Values
                .OrderByDescending(c => c.Sequence)
                .Select(c => new LoopsCampaignView(c, _emailMessages[c.EmailMessageId]))
                .ToArray();
        }
    }

    internal LoopsEmailMessage ViewEmailMessage(string emailMessageId)
    {
        lock (Gate) { return RequireEmailMessage(emailMessageId); }
    }

    internal LoopsEmailMessage UpdateEmailMessage(string emailMessageId, LoopsEmailMessageInput input)
    {
        lock (Gate)
        {
            var message = RequireEmailMessage(emailMessageId);
            if (_campaigns[message.CampaignId].Status != LoopsCampaignStatus.Draft)
            {
                throw NotDraft();
            }
            if (!string.Equals(input.ExpectedRevisionId, message.ContentRevisionId, StringComparison.Ordinal))
            {
                throw PlatformErrorException.Conflict(
                    $"contentRevisionId is stale: expected {input.ExpectedRevisionId}, current {message.ContentRevisionId}.");
            }

            var updated = message with
            {
                Subject = input.Subject.IsSet ? input.Subject.Value : message.Subject,
                PreviewText = input.PreviewText.IsSet ? input.PreviewText.Value : message.PreviewText,
                FromName = input.FromName.IsSet ? input.FromName.Value : message.FromName,
                FromEmail = input.FromEmail.IsSet ? input.FromEmail.Value : message.FromEmail,
                ReplyToEmail = input.ReplyToEmail.IsSet ? input.ReplyToEmail.Value : message.ReplyToEmail,
                Lmx = input.Lmx.IsSet ? input.Lmx.Value : message.Lmx,
                EmailFormat = input.EmailFormat.IsSet ? input.EmailFormat.Value : message.EmailFormat,
                LanguageCode = input.LanguageCode.IsSet ? input.LanguageCode.Value : message.LanguageCode,
                ContactPropertiesFallbacks = Merge(message.ContactPropertiesFallbacks, input.ContactPropertiesFallbacks),
                ContentRevisionId = NewId("rev"),
                UpdatedAt = NowToTheMillisecond(),
            };
            _emailMessages[emailMessageId] = updated;
            return updated;
        }
    }

    internal LoopsCampaignGroup ViewGroup(string groupId)
    {
        lock (Gate) { return RequireGroup(groupId); }
    }

    internal LoopsCampaignGroup CreateGroup(string name, string? description)
    {
        lock (Gate)
        {
            EnsureGroupNameIsFree(name, exceptGroupId: null);
            return AddGroup(NewId("grp"), name, description, NowToTheMillisecond());
        }
    }

    internal LoopsCampaignGroup UpdateGroup(string groupId, Optional<string> name, Optional<string?> description)
    {
        lock (Gate)
        {
            var group = RequireGroup(groupId);
            if (group.Id == UnsortedGroupId)
            {
                throw PlatformErrorException.BadRequest($"The reserved \"{UnsortedGroupName}\" group cannot be edited.");
            }
            if (name.IsSet)
            {
                EnsureGroupNameIsFree(name.Value, exceptGroupId: groupId);
            }
            var updated = group with
            {
                Name = name.IsSet ? name.Value : group.Name,
                Description = description.IsSet ? description.Value : group.Description,
                UpdatedAt = NowToTheMillisecond(),
            };
            _groups[groupId] = updated;
            return updated;
        }
    }

    internal LoopsAudienceSegment ViewSegment(string segmentId)
    {
        lock (Gate) { return _segments.FirstOrDefault(s => s.Id == segmentId) ?? throw PlatformErrorException.NotFound("Audience segment not found."); }
    }

    internal LoopsAudienceSegment CreateSegment(string name, string? description, string filterJson)
    {
        lock (Gate)
        {
            if (_segments.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw PlatformErrorException.BadRequest($"The name \"{name}\" is already used by another segment.");
            }
            var segment = new LoopsAudienceSegment(NewId("seg"), name, description, NowToTheMillisecond()) { FilterJson = filterJson };
            _segments.Add(segment);
            return segment;
        }
    }

    internal LoopsCampaignMetrics ViewMetrics(string campaignId)
    {
        lock (Gate)
        {
            RequireCampaign(campaignId);
            return _metrics.GetValueOrDefault(campaignId) ?? new LoopsCampaignMetrics(0, 0, 0, 0, 0, 0, 0);
        }
    }

    /// <summary>Test helper: engagement on a sent campaign. Opens, clicks, bounces and spam reports never exceed the sends.</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="ArgumentException">The counts would exceed the sends.</exception>
    public LoopsCampaignMetrics AddEngagement(string campaignId, LoopsCampaignMetrics added)
    {
        lock (Gate)
        {
            if (!_campaigns.ContainsKey(campaignId))
            {
                throw new KeyNotFoundException($"No campaign has id \"{campaignId}\".");
            }
            var m = _metrics.GetValueOrDefault(campaignId) ?? new LoopsCampaignMetrics(0, 0, 0, 0, 0, 0, 0);
            var next = new LoopsCampaignMetrics(m.Sends, m.Opens + added.Opens, m.Clicks + added.Clicks, m.Unsubscribes + added.Unsubscribes,
                m.SpamReports + added.SpamReports, m.HardBounces + added.HardBounces, m.SoftBounces + added.SoftBounces);
            if (next.Opens > next.Sends || next.Clicks > next.Opens || next.HardBounces + next.SoftBounces > next.Sends
                || next.SpamReports > next.Sends || next.Unsubscribes > next.Sends)
            {
                throw new ArgumentException($"The campaign has {m.Sends} sends: opens, bounces, spam reports and unsubscribes cannot exceed them, nor clicks the opens.");
            }
            _metrics[campaignId] = next;
            return next;
        }
    }

    internal void RecordPreview(string emailMessageId, IReadOnlyList<string> emails, string? contactPropertiesJson)
    {
        lock (Gate)
        {
            var since = UtcNow.AddDays(-1);
            if (_previews.Where(p => p.At > since).Sum(p => p.Emails.Count) + emails.Count > MaxPreviewsPerDay)
            {
                throw new PlatformErrorException(StatusCodes.Status429TooManyRequests, "The daily preview limit was reached.");
            }
            _previews.Add(new LoopsPreview(emailMessageId, emails.ToArray(), contactPropertiesJson, UtcNow));
        }
    }

    internal LoopsUploadRecord CreateUpload(string contentType, long contentLength, string signature)
    {
        lock (Gate)
        {
            var upload = new LoopsUploadRecord(NewId("ast"), contentType, contentLength, signature, UtcNow);
            _uploads.Add(upload.Id, upload);
            return upload;
        }
    }

    /// <summary>The pre-signed PUT: null when stored, else the storage's error text.</summary>
    internal string? StoreUpload(string id, string signature, string? contentType, long? contentLength, byte[] content, string authorization)
    {
        lock (Gate)
        {
            if (!_uploads.TryGetValue(id, out var upload) || !string.Equals(upload.Signature, signature, StringComparison.Ordinal))
            {
                return "<Error><Code>SignatureDoesNotMatch</Code></Error>";
            }
            if (!string.Equals(contentType, upload.ContentType, StringComparison.OrdinalIgnoreCase) || contentLength != upload.ContentLength || content.LongLength != upload.ContentLength)
            {
                return "<Error><Code>SignatureDoesNotMatch</Code><Message>Content-Type and Content-Length must be those of the create request.</Message></Error>";
            }
            _uploads[id] = upload with { Content = content, AuthorizationSeen = authorization.Length == 0 ? null : authorization };
            return null;
        }
    }

    internal (LoopsUploadRecord? Upload, bool Limited) CompleteUpload(string id)
    {
        lock (Gate)
        {
            var upload = _uploads.GetValueOrDefault(id) ?? throw PlatformErrorException.NotFound("Upload not found.");
            if (upload.Content is null)
            {
                throw PlatformErrorException.BadRequest("The file was not uploaded to the pre-signed URL yet, or it has an unsupported content type.");
            }
            if (upload.CompletedAt is null)
            {
                var since = UtcNow.AddHours(-24);
                if (_uploads.Values.Count(u => u.CompletedAt > since) >= MaxUploadsPerDay)
                {
                    return (null, true);
                }
                upload = upload with { CompletedAt = UtcNow };
                _uploads[id] = upload;
            }
            return (upload, false);
        }
    }

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> changes)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    private static LoopsCampaign Apply(LoopsCampaign campaign, LoopsCampaignInput input, DateTimeOffset now)
    {
        var updated = campaign with { UpdatedAt = now };
        if (input.Name.IsSet)
        {
            updated = updated with { Name = input.Name.Value };
        }
        if (input.MailingListId.IsSet)
        {
            updated = updated with { MailingListId = input.MailingListId.Value };
        }
        if (input.AudienceSegmentId.IsSet)
        {
            // Loops: setting a segment without a filter clears the filter.
            updated = updated with { AudienceSegmentId = input.AudienceSegmentId.Value, AudienceFilterJson = null };
        }
        if (input.AudienceFilterJson.IsSet)
        {
            updated = updated with { AudienceFilterJson = input.AudienceFilterJson.Value };
        }
        if (input.CampaignGroupId.IsSet)
        {
            updated = updated with { CampaignGroupId = input.CampaignGroupId.Value };
        }
        if (input.Scheduling.IsSet)
        {
            var scheduling = input.Scheduling.Value;
            var status = scheduling.Method == "now" ? LoopsCampaignStatus.Sending : LoopsCampaignStatus.Scheduled;
            updated = updated with { Scheduling = scheduling, Status = status };
        }
        return updated;
    }

    private void EnsureReferencesExist(LoopsCampaignInput input)
    {
        // 1.21.6: 404 "Referenced mailing list or audience segment not found" (400 for a campaign group).
        if (input.MailingListId is { IsSet: true, Value: { } listId } && _mailingLists.All(l => l.Id != listId))
        {
            throw PlatformErrorException.NotFound($"Mailing list \"{listId}\" not found.");
        }
        if (input.AudienceSegmentId is { IsSet: true, Value: { } segmentId } && _segments.All(s => s.Id != segmentId))
        {
            throw PlatformErrorException.NotFound($"Audience segment \"{segmentId}\" not found.");
        }
        if (input.CampaignGroupId is { IsSet: true, Value: var groupId } && !_groups.ContainsKey(groupId))
        {
            throw PlatformErrorException.BadRequest($"campaignGroupId \"{groupId}\" does not match any campaign group.");
        }
    }

    private void EnsureGroupNameIsFree(string name, string? exceptGroupId)
    {
        if (_groups.Values.Any(g => g.Id != exceptGroupId && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw PlatformErrorException.Conflict($"A campaign group named \"{name}\" already exists.");
        }
    }

    private LoopsCampaignGroup AddGroup(string id, string name, string? description, DateTimeOffset createdAt)
    {
        var group = new LoopsCampaignGroup(id, name, description, createdAt, createdAt) { Sequence = _creationOrder.Next() };
        _groups.Add(id, group);
        return group;
    }

    private LoopsCampaign RequireCampaign(string campaignId) =>
        _campaigns.GetValueOrDefault(campaignId) ?? throw PlatformErrorException.NotFound("Campaign not found.");

    private LoopsEmailMessage RequireEmailMessage(string emailMessageId) =>
        _emailMessages.GetValueOrDefault(emailMessageId) ?? throw PlatformErrorException.NotFound("Email message not found.");

    private LoopsCampaignGroup RequireGroup(string groupId) =>
        _groups.GetValueOrDefault(groupId) ?? throw PlatformErrorException.NotFound("Campaign group not found.");

    private static PlatformErrorException NotDraft() => PlatformErrorException.Conflict("Campaign is not in draft status.");

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 17)];
}

/// <summary>A campaign with its email message, as responses show it.</summary>
internal sealed record LoopsCampaignView(LoopsCampaign Campaign, LoopsEmailMessage EmailMessage);
