namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A Smartlead campaign as the server stored it (GET /campaigns/{id}; the reference's Campaign has no sequence or
/// email accounts, so neither is shown here). Every configuration cmdlet binds its Id (as CampaignId) from the
/// pipeline, and with -PassThru writes it on, so a whole set-up is one pipeline.
/// </summary>
public sealed class SmartleadCampaign
{
    /// <summary>The campaign id.</summary>
    public long Id { get; internal set; }

    /// <summary>The campaign name.</summary>
    public string Name { get; internal set; } = string.Empty;

    /// <summary>DRAFTED, ACTIVE, PAUSED, STOPPED, ARCHIVED or COMPLETED.</summary>
    public string Status { get; internal set; } = string.Empty;

    /// <summary>The agency client the campaign belongs to, if any.</summary>
    public long? ClientId { get; internal set; }

    /// <summary>The sending time zone (IANA).</summary>
    public string? TimeZone { get; internal set; }

    /// <summary>Sending days.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; internal set; } = Array.Empty<DayOfWeek>();

    /// <summary>Sending window start, "HH:mm".</summary>
    public string? StartHour { get; internal set; }

    /// <summary>Sending window end, "HH:mm".</summary>
    public string? EndHour { get; internal set; }

    /// <summary>Minimum minutes between two emails.</summary>
    public int? MinTimeBetweenEmails { get; internal set; }

    /// <summary>Tracking switched off, as the API lists it (e.g. DONT_EMAIL_OPEN).</summary>
    public IReadOnlyList<string> TrackSettings { get; internal set; } = Array.Empty<string>();

    /// <summary>When a lead stops receiving follow-ups (e.g. REPLY_TO_AN_EMAIL).</summary>
    public string? StopLeadSettings { get; internal set; }

    /// <summary>Whether emails are sent as plain text.</summary>
    public bool? SendAsPlainText { get; internal set; }

    /// <summary>Share of leads that receive follow-ups, 0 to 100.</summary>
    public int? FollowUpPercentage { get; internal set; }

    /// <summary>New leads contacted per day at most.</summary>
    public int? MaxLeadsPerDay { get; internal set; }

    /// <summary>Whether Smartlead matches sender and recipient providers (enable_ai_esp_matching), when the answer says.</summary>
    public bool? AiEspMatching { get; internal set; }

    /// <summary>The unsubscribe text added to each email, when the answer carries it (the settings' unsubscribe_text).</summary>
    public string? UnsubscribeText { get; internal set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id}, {Status})";
}

/// <summary>One email of a campaign's sequence: the first email or a follow-up.</summary>
public sealed class SmartleadSequenceStep
{
    /// <summary>Position in the sequence, 1 for the first email (numbered in order when sent).</summary>
    public int Number { get; set; }

    /// <summary>Subject line (required on the first step; empty follow-ups reply in the same thread).</summary>
    public string? Subject { get; set; }

    /// <summary>Body, HTML or plain text, with variables such as {{first_name}}.</summary>
    public string? Body { get; set; }

    /// <summary>Days to wait after the previous step, 0 to 365.</summary>
    public int DelayDays { get; set; }

    /// <summary>
    /// A/B versions of this step (none for a plain step); see <see cref="SmartleadSequenceVariant"/>. An array, so that
    /// PowerShell turns <c>$step.Variants = @(@{ Label = 'A'; ... }, @{ ... })</c> into variants by itself.
    /// </summary>
#pragma warning disable CA1819 // the array is what makes the assignment above work
    public SmartleadSequenceVariant[] Variants { get; set; } = Array.Empty<SmartleadSequenceVariant>();
#pragma warning restore CA1819

    /// <summary>The step's id on the server, when it was read back (Get-SmartleadSequence).</summary>
    public long? Id { get; set; }

    /// <summary>The campaign the step was read from: set back there, it keeps its id and is updated in place.</summary>
    public long? CampaignId { get; set; }

    /// <summary>Reads a step from a hashtable's or object's fields: Subject, Body (or EmailBody), DelayDays (or Delay), Variants, and the Id and CampaignId it was read with.</summary>
    /// <exception cref="Validation.InputValidationException">An unknown key or a delay that is not a number.</exception>
    public static SmartleadSequenceStep FromFields(IEnumerable<KeyValuePair<string, object?>> fields, int position) =>
        SmartleadRules.StepFromFields(fields, position);

    /// <summary>Checks a whole sequence without sending anything: at least one step, a subject on the first, a body on each, delays of 0 to 365 days, and each step's variants.</summary>
    /// <exception cref="Validation.InputValidationException">The first rule broken, naming the step.</exception>
    public static void ValidateSequence(IReadOnlyList<SmartleadSequenceStep> steps) => SmartleadRules.Sequence(steps);

    /// <inheritdoc />
    public override string ToString() => $"{Number}: {Subject} (+{DelayDays} d)";
}

/// <summary>What one run of Add-SmartleadLead did, summed over its batches.</summary>
public sealed class SmartleadLeadImportResult
{
    /// <summary>The campaign the leads went to.</summary>
    public long CampaignId { get; internal set; }

    /// <summary>Lead records received.</summary>
    public long Received { get; internal set; }

    /// <summary>Leads refused before sending (no valid e-mail, too many custom fields).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Leads sent to Smartlead.</summary>
    public long Sent { get; internal set; }

    /// <summary>Requests (batches of at most 400) that succeeded.</summary>
    public int Batches { get; internal set; }

    /// <summary>Leads Smartlead added.</summary>
    public long Inserted { get; internal set; }

    /// <summary>Leads Smartlead skipped as already present (also in other campaigns, unless allowed).</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Leads Smartlead skipped because of the block list or an earlier unsubscribe.</summary>
    public long Blocked { get; internal set; }

    /// <summary>Leads Smartlead refused as invalid.</summary>
    public long Invalid { get; internal set; }

    /// <summary>Leads in batches that failed after retries (each reported as an error).</summary>
    public long Failed { get; internal set; }

    /// <summary>Requests sent for the batches, re-sends included.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Batches sent again after an attempt whose outcome was unknown; their duplicates are counted as inserted.</summary>
    public int ResentBatches { get; internal set; }

    internal void Add(SmartleadLeadBatchResult batch)
    {
        Batches++;
        Attempts += batch.Attempts;
        Sent += batch.Sent;
        Blocked += batch.Blocked;
        Invalid += batch.Invalid;
        if (batch.ResentAfterUnknownOutcome)
        {
            // The first send may have landed: its leads come back as duplicates of the second, but this run added them.
            ResentBatches++;
            Inserted += batch.Inserted + batch.Duplicates;
        }
        else
        {
            Inserted += batch.Inserted;
            Duplicates += batch.Duplicates;
        }
    }

    internal void AddFailed(int leads, int attempts)
    {
        Batches++;
        Attempts += attempts;
        Sent += leads;
        Failed += leads;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Campaign {CampaignId}: {Inserted} inserted, {Duplicates} duplicates, {Blocked} blocked, {Invalid} invalid, {Rejected} rejected, {Failed} failed ({Sent} sent in {Batches} batches, {Attempts} requests{(ResentBatches > 0 ? $"; {ResentBatches} batches re-sent after an unknown outcome, their duplicates counted as inserted" : string.Empty)})";
}

/// <summary>Smartlead's answer to one batch of leads, whichever documented shape it came in.</summary>
public sealed class SmartleadLeadBatchResult
{
    /// <summary>Leads in the batch.</summary>
    public int Sent { get; internal set; }

    /// <summary>Added.</summary>
    public long Inserted { get; internal set; }

    /// <summary>Skipped as duplicates.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Skipped by the block list or unsubscribes.</summary>
    public long Blocked { get; internal set; }

    /// <summary>Refused as invalid.</summary>
    public long Invalid { get; internal set; }

    /// <summary>Requests sent for this batch (re-sends included).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>True when the batch was sent again after an attempt that may have reached Smartlead.</summary>
    public bool ResentAfterUnknownOutcome { get; internal set; }

    /// <summary>The leads of the batch that were not added and that the answer lets us name, each with why.</summary>
    public IReadOnlyList<SmartleadSkippedLead> Skipped { get; internal set; } = Array.Empty<SmartleadSkippedLead>();

    /// <summary>
    /// Leads not added that the answer does not name: the API reference's answer only counts them, so when some
    /// leads of a batch were added and others not, which ones is not known.
    /// </summary>
    public long UnnamedSkipped { get; internal set; }
}

/// <summary>Why Smartlead did not add a lead.</summary>
public enum SmartleadSkipReason
{
    /// <summary>Already in this campaign (or in another one).</summary>
    Duplicate,
    /// <summary>On the global block list, or unsubscribed earlier.</summary>
    Blocked,
    /// <summary>Refused as invalid.</summary>
    Invalid,
    /// <summary>Not added, for a reason the answer does not give.</summary>
    NotAdded,
}

/// <summary>A lead of a batch that Smartlead did not add, and why.</summary>
public sealed class SmartleadSkippedLead
{
    internal SmartleadSkippedLead(SmartleadLead lead, SmartleadSkipReason reason, string? serverReason)
    {
        Lead = lead;
        Reason = reason;
        ServerReason = serverReason;
    }

    /// <summary>The lead as it was sent (its Source is the input row).</summary>
    public SmartleadLead Lead { get; }

    /// <summary>Why it was not added.</summary>
    public SmartleadSkipReason Reason { get; }

    /// <summary>The reason in the server's words (the docs shape's skipped_leads[].reason), when it gave one.</summary>
    public string? ServerReason { get; }

    /// <summary>The ErrorId this lead is reported with: SmartleadLeadDuplicate, SmartleadLeadBlocked, SmartleadLeadInvalid or SmartleadLeadNotAdded.</summary>
    public string ErrorId => "SmartleadLead" + (Reason == SmartleadSkipReason.NotAdded ? "NotAdded" : Reason.ToString());

    /// <summary>The failure to report for this lead in campaign <paramref name="campaignId"/>: it names the row and what to do.</summary>
    public ApiFailure ToFailure(long campaignId)
    {
        string why = ServerReason ?? Reason switch
        {
            SmartleadSkipReason.Duplicate => "duplicate",
            SmartleadSkipReason.Blocked => "blocked or unsubscribed",
            SmartleadSkipReason.Invalid => "invalid",
            _ => "not added",
        };
        (FailureCategory category, string advice) = Reason switch
        {
            SmartleadSkipReason.Duplicate => (FailureCategory.ResourceExists, "The lead is already in this campaign or another one; nothing needs sending again."),
            SmartleadSkipReason.Blocked => (FailureCategory.PermissionDenied, "Send it again with -IgnoreGlobalBlockList or -IgnoreUnsubscribeList only if you may contact it."),
            SmartleadSkipReason.Invalid => (FailureCategory.InvalidData, "Correct the row and send it again."),
            _ => (FailureCategory.InvalidOperation, "Check the row and send it again."),
        };
        return new ApiFailure(Platform.Smartlead, ErrorId, category,
            $"Smartlead: lead {Lead} was not added to campaign {campaignId} ({why}). {advice}")
        {
            ApiMessage = ServerReason,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Lead}: {ServerReason ?? Reason.ToString()}";
}
