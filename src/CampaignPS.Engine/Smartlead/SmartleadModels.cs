namespace CampaignPS.Engine.Smartlead;

/// <summary>
/// A Smartlead campaign. Every configuration cmdlet binds its Id (as CampaignId) from the
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

    /// <summary>Sequence steps set through this connection (null when not known).</summary>
    public int? SequenceStepCount { get; internal set; }

    /// <summary>Email accounts added through this connection.</summary>
    public IReadOnlyList<long> EmailAccountIds { get; internal set; } = Array.Empty<long>();

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal set; }

    internal SmartleadCampaign Copy() => (SmartleadCampaign)MemberwiseClone();

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

    internal void Add(SmartleadLeadBatchResult batch)
    {
        Batches++;
        Sent += batch.Sent;
        Inserted += batch.Inserted;
        Duplicates += batch.Duplicates;
        Blocked += batch.Blocked;
        Invalid += batch.Invalid;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Campaign {CampaignId}: {Inserted} inserted, {Duplicates} duplicates, {Blocked} blocked, {Invalid} invalid, {Rejected} rejected, {Failed} failed ({Sent} sent in {Batches} batches)";
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
}
