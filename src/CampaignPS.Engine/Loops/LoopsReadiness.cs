using CampaignPS.Engine.Readiness;

namespace CampaignPS.Engine.Loops;

/// <summary>What the readiness check of one Loops campaign read from the server.</summary>
public sealed class LoopsReadinessInput
{
    /// <summary>The campaign (GET /campaigns/{id}): status, audience and schedule.</summary>
    public LoopsCampaign Campaign { get; set; } = new LoopsCampaign();

    /// <summary>Its email message (GET /email-messages/{id}); null when the campaign has none.</summary>
    public LoopsEmailMessage? EmailMessage { get; set; }

    /// <summary>Guardian's findings on the email message (GET /email-messages/{id}/guardian); null when they could not be read.</summary>
    public LoopsGuardianReport? Guardian { get; set; }

    /// <summary>Why Guardian could not check the message (an MJML message), when <see cref="Guardian"/> is null.</summary>
    public string? GuardianUnavailable { get; set; }

    /// <summary>
    /// The change the launch itself makes (Set-LoopsCampaign -MailingListId ... -ScheduleAt ...): an audience it sets
    /// counts as set, one it clears as cleared, and its own schedule replaces the campaign's.
    /// </summary>
    public LoopsCampaignChanges? Launch { get; set; }

    /// <summary>When the check runs (a scheduled time must be later).</summary>
    public DateTimeOffset Now { get; set; }
}

/// <summary>
/// Why a Loops campaign cannot send yet: a pure check over what was read (<see cref="Check"/>), and the reads it needs
/// (<see cref="TestAsync"/>). The campaign must still be a draft with an audience; its email message needs a subject, a
/// sender (name and address) and content; Guardian errors block, as they block publishing in Loops (API reference
/// 1.21.6, "Run Guardian checks"); a scheduled time must be in the future.
/// </summary>
public static class LoopsReadiness
{
    /// <summary>
    /// Reads the campaign, its email message and Guardian's findings on it, then checks them. An unknown campaign fails
    /// with LoopsCampaignNotFound. <paramref name="launch"/> is the change a launch cmdlet is about to send, if any.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignReadinessFinding>> TestAsync(LoopsClient client, string campaignId, LoopsCampaignChanges? launch = null, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        LoopsCampaign campaign = await client.GetCampaignAsync(campaignId, cancellationToken).ConfigureAwait(false);
        var input = new LoopsReadinessInput { Campaign = campaign, Launch = launch, Now = client.UtcNow };
        if (!string.IsNullOrEmpty(campaign.EmailMessageId))
        {
            input.EmailMessage = await client.GetEmailMessageAsync(campaign.EmailMessageId!, cancellationToken).ConfigureAwait(false);
            try
            {
                input.Guardian = await client.GetGuardianReportAsync(campaign.EmailMessageId!, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignApiException failure) when (failure.ErrorId == "LoopsEmailMessageNotEditable")
            {
                input.GuardianUnavailable = failure.Message;
            }
        }

        return Check(input);
    }

    /// <summary>The findings for what was read; none for a campaign that is ready in every respect.</summary>
    public static IReadOnlyList<CampaignReadinessFinding> Check(LoopsReadinessInput input)
    {
        if (input == null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        LoopsCampaign campaign = input.Campaign;
        string id = campaign.Id;
        var findings = new List<CampaignReadinessFinding>();
        void Add(ReadinessSeverity severity, string check, string message, string fix) =>
            findings.Add(new CampaignReadinessFinding(Platform.Loops, id, severity, check, message, fix));

        CheckStatusAndSchedule(campaign, input.Launch, input.Now, id, Add);
        if (!HasAudience(campaign, input.Launch))
        {
            Add(ReadinessSeverity.Error, "AudienceMissing", "The campaign has no audience: no mailing list, audience segment or audience filter is set.",
                $"Set-LoopsCampaign -CampaignId {id} -MailingListId (Get-LoopsMailingList).Id, or -AudienceSegmentId / -AudienceFilter.");
        }

        CheckEmailMessage(campaign, input.EmailMessage, id, Add);
        CheckGuardian(input, id, Add);
        return findings;
    }

    private static void CheckStatusAndSchedule(LoopsCampaign campaign, LoopsCampaignChanges? launch, DateTimeOffset now, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        string status = campaign.Status ?? string.Empty;
        if (status.Equals("Sending", StringComparison.OrdinalIgnoreCase) || status.Equals("Sent", StringComparison.OrdinalIgnoreCase))
        {
            add(ReadinessSeverity.Error, "StatusNotDraft", $"The campaign is {status}; only a draft campaign can be scheduled or sent (Loops API reference, Update a campaign).",
                $"Create a new campaign to send again: New-LoopsCampaign -Name '{campaign.Name} (again)'.");
            return;
        }

        bool scheduled = status.Equals("Scheduled", StringComparison.OrdinalIgnoreCase);
        if (launch?.Sends == true)
        {
            // The launch brings its own time, which Set-LoopsCampaign has checked is in the future; but the API changes
            // the scheduling of drafts only (API reference 1.21.6, "Update a campaign").
            if (scheduled)
            {
                add(ReadinessSeverity.Error, "StatusNotDraft", "The campaign is Scheduled already; Loops changes the scheduling of draft campaigns only.",
                    "Change or cancel the schedule in the Loops app.");
            }

            return;
        }

        if (scheduled && campaign.ScheduledAt is DateTimeOffset at && at > now)
        {
            add(ReadinessSeverity.Info, "AlreadyScheduled", $"The campaign is scheduled to send at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
                "Nothing to do; to change the time, change the schedule in the Loops app (the API changes the scheduling of drafts only).");
        }
        else if (campaign.ScheduledAt is DateTimeOffset past && past <= now)
        {
            add(ReadinessSeverity.Error, "ScheduleInPast", $"The campaign is scheduled for {past.UtcDateTime:yyyy-MM-dd HH:mm} UTC, which has passed.",
                $"Give it a future time: Set-LoopsCampaign -CampaignId {id} -ScheduleAt (Get-Date).AddHours(1), or send it now with -SendNow.");
        }
    }

    private static bool HasAudience(LoopsCampaign campaign, LoopsCampaignChanges? launch)
    {
        bool list = launch?.ClearMailingList == true ? false : !string.IsNullOrEmpty(launch?.MailingListId) || !string.IsNullOrEmpty(campaign.MailingListId);
        bool segment = launch?.ClearAudienceSegment == true ? false : !string.IsNullOrEmpty(launch?.AudienceSegmentId) || !string.IsNullOrEmpty(campaign.AudienceSegmentId);
        bool filter = launch?.AudienceFilter != null || (!string.IsNullOrEmpty(campaign.AudienceFilter) && campaign.AudienceFilter != "null");
        return list || segment || filter;
    }

    private static void CheckEmailMessage(LoopsCampaign campaign, LoopsEmailMessage? message, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        if (message == null)
        {
            add(ReadinessSeverity.Error, "EmailMessageMissing", "The campaign has no email message, so there is nothing to send.",
                $"Loops creates one with the campaign: create the campaign again with New-LoopsCampaign -Name '{campaign.Name}'.");
            return;
        }

        string messageId = message.EmailMessageId;
        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            add(ReadinessSeverity.Error, "SubjectMissing", $"The email message {messageId} has no subject.",
                $"Set-LoopsEmailMessage -EmailMessageId {messageId} -Subject 'Your subject'");
        }

        var sender = new List<string>();
        if (string.IsNullOrWhiteSpace(message.FromName))
        {
            sender.Add("name");
        }

        if (string.IsNullOrWhiteSpace(message.FromEmail))
        {
            sender.Add("address");
        }

        if (sender.Count > 0)
        {
            add(ReadinessSeverity.Error, "SenderMissing", $"The email message {messageId} has no sender {string.Join(" or ", sender)}.",
                $"Set-LoopsEmailMessage -EmailMessageId {messageId} -FromName 'Acme' -FromEmail 'news'");
        }

        if (string.IsNullOrWhiteSpace(message.Lmx))
        {
            add(ReadinessSeverity.Error, "ContentMissing", $"The email message {messageId} has no content.",
                $"Set-LoopsEmailMessage -EmailMessageId {messageId} -LmxPath ./body.lmx");
        }
    }

    private static void CheckGuardian(LoopsReadinessInput input, string id, Action<ReadinessSeverity, string, string, string> add)
    {
        if (input.EmailMessage == null)
        {
            return;
        }

        string messageId = input.EmailMessage.EmailMessageId;
        if (input.Guardian == null)
        {
            add(ReadinessSeverity.Info, "GuardianNotAvailable", $"Guardian could not check the email message {messageId}: {input.GuardianUnavailable}",
                "Open the email in the Loops app to see its Guardian checks.");
            return;
        }

        foreach (LoopsGuardianFinding finding in input.Guardian.Findings)
        {
            bool error = finding.Severity == LoopsGuardianSeverity.Error;
            string items = finding.Items.Count == 0 ? string.Empty : $" ({string.Join(", ", finding.Items)})";
            add(error ? ReadinessSeverity.Error : ReadinessSeverity.Warning, error ? "GuardianError" : "GuardianWarning",
                $"Guardian {finding.Rule}: {finding.Title}{items}." + (string.IsNullOrEmpty(finding.Description) ? string.Empty : " " + finding.Description!.TrimEnd('.') + "."),
                $"Correct the content (Set-LoopsEmailMessage -EmailMessageId {messageId} -LmxPath), then Test-LoopsEmailMessage -EmailMessageId {messageId}.");
        }
    }
}
