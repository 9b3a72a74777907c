using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Smartlead;

// Wire shapes. Writers follow Smartlead's API reference (OpenAPI "SmartLead Campaigns API" and
// "Leads API", harvested 2026-08-13); readers also accept the docs site's shapes where
// DESIGN.md lists a disagreement (leads response, settings vocabulary).

internal sealed class CreateCampaignBody
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; set; }
}

internal sealed class CreatedCampaignDto
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }
}

internal sealed class StatusBody
{
    [JsonPropertyName("status")]
    public string Status { get; set; } = string.Empty;
}

internal sealed class OkDto
{
    [JsonPropertyName("ok")]
    public bool? Ok { get; set; }

    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>False when the answer says nothing changed (the docs' {"ok": false} "No Update").</summary>
    public bool Changed => Ok != false && Success != false;
}

internal sealed class SequencesBody
{
    [JsonPropertyName("sequences")]
    public IReadOnlyList<SequenceBody> Sequences { get; set; } = Array.Empty<SequenceBody>();
}

internal sealed class SequenceBody
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("seq_number")]
    public int SeqNumber { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("email_body")]
    public string? EmailBody { get; set; }

    [JsonPropertyName("seq_delay_details")]
    public DelayBody? SeqDelayDetails { get; set; }

    // Written as update-sequences.mdx names it; the get-sequences page reads back sequence_variants, a guide sends variants.
    [JsonPropertyName("seq_variants")]
    public IReadOnlyList<VariantBody>? SeqVariants { get; set; }

    [JsonPropertyName("sequence_variants")]
    public IReadOnlyList<VariantBody>? SequenceVariants { get; set; }

    [JsonPropertyName("variants")]
    public IReadOnlyList<VariantBody>? Variants { get; set; }

    public SmartleadSequenceStep ToModel(long campaignId) => new SmartleadSequenceStep
    {
        Id = Id,
        CampaignId = campaignId,
        Number = SeqNumber,
        Subject = Subject,
        Body = EmailBody,
        DelayDays = SeqDelayDetails?.DelayInDays ?? 0,
        Variants = (SeqVariants ?? SequenceVariants ?? Variants ?? Array.Empty<VariantBody>()).Select(v => v.ToModel()).ToArray(),
    };
}

internal sealed class DelayBody
{
    [JsonPropertyName("delay_in_days")]
    public int DelayInDays { get; set; }
}

internal sealed class EmailAccountsBody
{
    [JsonPropertyName("email_account_ids")]
    public IReadOnlyList<long> EmailAccountIds { get; set; } = Array.Empty<long>();
}

internal sealed class ScheduleBody
{
    [JsonPropertyName("timezone")]
    public string Timezone { get; set; } = string.Empty;

    [JsonPropertyName("days")]
    public IReadOnlyList<int> Days { get; set; } = Array.Empty<int>();

    [JsonPropertyName("startHour")]
    public string StartHour { get; set; } = string.Empty;

    [JsonPropertyName("endHour")]
    public string EndHour { get; set; } = string.Empty;

    [JsonPropertyName("min_time_btw_emails")]
    public int? MinTimeBetweenEmails { get; set; }
}

internal sealed class SettingsBody
{
    [JsonPropertyName("track_settings")]
    public IReadOnlyList<string>? TrackSettings { get; set; }

    [JsonPropertyName("stop_lead_settings")]
    public string? StopLeadSettings { get; set; }

    [JsonPropertyName("unsubscribe_text")]
    public string? UnsubscribeText { get; set; }

    [JsonPropertyName("send_as_plain_text")]
    public bool? SendAsPlainText { get; set; }

    [JsonPropertyName("follow_up_percentage")]
    public int? FollowUpPercentage { get; set; }

    [JsonPropertyName("max_leads_per_day")]
    public int? MaxLeadsPerDay { get; set; }

    [JsonPropertyName("enable_ai_esp_matching")]
    public bool? EnableAiEspMatching { get; set; }
}

/// <summary>
/// The add-leads body of the API reference: {"lead_list": [{email, first_name, ..., custom_fields: {...}}], "settings": {...}}.
/// Written straight from the leads to UTF-8 (LeadsBodyConverter): up to 400 leads per request and a million rows per
/// run, so no dictionary or other object is built per lead.
/// </summary>
[JsonConverter(typeof(LeadsBodyConverter))]
internal sealed class LeadsBody
{
    public IReadOnlyList<SmartleadLead> Leads { get; set; } = Array.Empty<SmartleadLead>();

    public LeadSettingsBody? Settings { get; set; }

    public static LeadsBody From(IReadOnlyList<SmartleadLead> leads, SmartleadLeadSettings settings) => new LeadsBody
    {
        Leads = leads,
        Settings = settings.IgnoreGlobalBlockList.HasValue || settings.IgnoreUnsubscribeList.HasValue
            ? new LeadSettingsBody { IgnoreGlobalBlockList = settings.IgnoreGlobalBlockList, IgnoreUnsubscribe = settings.IgnoreUnsubscribeList }
            : null,
    };
}

internal sealed class LeadsBodyConverter : JsonConverter<LeadsBody>
{
    public override LeadsBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The add-leads body is only written.");

    public override void Write(Utf8JsonWriter writer, LeadsBody value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("lead_list");
        foreach (SmartleadLead lead in value.Leads)
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> field in lead.Fields)
            {
                writer.WriteString(field.Key, field.Value);
            }

            if (lead.CustomFields.Count > 0)
            {
                writer.WriteStartObject("custom_fields");
                foreach (KeyValuePair<string, string> field in lead.CustomFields)
                {
                    writer.WriteString(field.Key, field.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (value.Settings != null)
        {
            writer.WritePropertyName("settings");
            JsonSerializer.Serialize(writer, value.Settings, options);
        }

        writer.WriteEndObject();
    }
}

// Only the two settings of the leads API reference, each only when given. (The help center's
// ignore_duplicate_leads_in_other_campaign is not in the reference and is not sent.)
internal sealed class LeadSettingsBody
{
    [JsonPropertyName("ignore_global_block_list")]
    public bool? IgnoreGlobalBlockList { get; set; }

    // The API reference names it ignore_unsubscribe; the docs site says ignore_unsubscribe_list.
    [JsonPropertyName("ignore_unsubscribe")]
    public bool? IgnoreUnsubscribe { get; set; }
}

/// <summary>Both documented answers to an add-leads request: the reference's counts and the docs' added/skipped lists.</summary>
internal sealed class LeadsResponseDto
{
    [JsonPropertyName("inserted_count")]
    public long? InsertedCount { get; set; }

    [JsonPropertyName("duplicate_count")]
    public long? DuplicateCount { get; set; }

    [JsonPropertyName("blocked_count")]
    public long? BlockedCount { get; set; }

    [JsonPropertyName("invalid_count")]
    public long? InvalidCount { get; set; }

    [JsonPropertyName("added_count")]
    public long? AddedCount { get; set; }

    [JsonPropertyName("skipped_count")]
    public long? SkippedCount { get; set; }

    [JsonPropertyName("skipped_leads")]
    public List<SkippedLeadDto>? SkippedLeads { get; set; }

    /// <summary>True when the answer carries counts in either documented shape (an answer without any is not Smartlead's).</summary>
    public bool HasCounts => InsertedCount.HasValue || DuplicateCount.HasValue || BlockedCount.HasValue || InvalidCount.HasValue || AddedCount.HasValue || SkippedCount.HasValue;

    public SmartleadLeadBatchResult ToModel(IReadOnlyList<SmartleadLead> leads)
    {
        var result = new SmartleadLeadBatchResult { Sent = leads.Count };
        if (InsertedCount.HasValue || DuplicateCount.HasValue || BlockedCount.HasValue)
        {
            result.Inserted = InsertedCount ?? 0;
            result.Duplicates = DuplicateCount ?? 0;
            result.Blocked = BlockedCount ?? 0;
            result.Invalid = InvalidCount ?? 0;
            NameFromCounts(result, leads);
            return result;
        }

        result.Inserted = AddedCount ?? 0;
        var skipped = SkippedLeads ?? new List<SkippedLeadDto>();
        result.Blocked = skipped.Count(s => s.Kind() == SmartleadSkipReason.Blocked);
        result.Invalid = skipped.Count(s => s.Kind() == SmartleadSkipReason.Invalid);
        // What the docs' skipped list does not explain is counted as a duplicate, its most common cause.
        result.Duplicates = Math.Max(0, (SkippedCount ?? skipped.Count) - result.Blocked - result.Invalid);
        NameFromList(result, leads, skipped);
        return result;
    }

    // The reference's counts name no lead: only when none of the batch was added are its leads known to be the
    // skipped ones (and their reason, when one count explains them all).
    private static void NameFromCounts(SmartleadLeadBatchResult result, IReadOnlyList<SmartleadLead> leads)
    {
        long notAdded = Math.Min(leads.Count, result.Duplicates + result.Blocked + result.Invalid);
        if (notAdded == 0)
        {
            return;
        }

        if (result.Inserted > 0)
        {
            result.UnnamedSkipped = notAdded;
            return;
        }

        SmartleadSkipReason reason = result.Duplicates == notAdded ? SmartleadSkipReason.Duplicate
            : result.Blocked == notAdded ? SmartleadSkipReason.Blocked
            : result.Invalid == notAdded ? SmartleadSkipReason.Invalid
            : SmartleadSkipReason.NotAdded;
        result.Skipped = leads.Select(lead => new SmartleadSkippedLead(lead, reason, null)).ToList();
    }

    // The docs' skipped_leads name each lead by e-mail. When the batch sent an address more than once, the first
    // occurrence is the one that could have been added, so k skipped entries for it name its last k rows.
    private void NameFromList(SmartleadLeadBatchResult result, IReadOnlyList<SmartleadLead> leads, List<SkippedLeadDto> skipped)
    {
        var byEmail = leads.ToLookup(lead => lead.Email, StringComparer.OrdinalIgnoreCase);
        var named = new List<SmartleadSkippedLead>();
        foreach (IGrouping<string, SkippedLeadDto> entries in skipped.GroupBy(s => s.Email ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            List<SmartleadLead> rows = byEmail[entries.Key].ToList();
            List<SkippedLeadDto> reasons = entries.ToList();
            IEnumerable<SmartleadLead> skippedRows = rows.Skip(Math.Max(0, rows.Count - reasons.Count));
            named.AddRange(skippedRows.Zip(reasons, (lead, entry) => new SmartleadSkippedLead(lead, entry.Kind(), entry.Reason)));
        }

        result.Skipped = named.OrderBy(s => s.Lead.Row).ToList();
        result.UnnamedSkipped = Math.Max(0, (SkippedCount ?? skipped.Count) - named.Count);
    }
}

internal sealed class SkippedLeadDto
{
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    public SmartleadSkipReason Kind() =>
        Means("block") || Means("unsubscribe") ? SmartleadSkipReason.Blocked
        : Means("invalid") ? SmartleadSkipReason.Invalid
        : SmartleadSkipReason.Duplicate;

    private bool Means(string word) => (Reason ?? string.Empty).IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}

internal sealed class CampaignDto
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("track_settings")]
    public JsonElement? TrackSettings { get; set; }

    [JsonPropertyName("scheduler_cron_value")]
    public CronDto? Schedule { get; set; }

    [JsonPropertyName("min_time_btwn_emails")]
    public int? MinTimeBetweenEmails { get; set; }

    [JsonPropertyName("max_leads_per_day")]
    public int? MaxLeadsPerDay { get; set; }

    [JsonPropertyName("stop_lead_settings")]
    public string? StopLeadSettings { get; set; }

    [JsonPropertyName("send_as_plain_text")]
    public bool? SendAsPlainText { get; set; }

    [JsonPropertyName("follow_up_percentage")]
    public int? FollowUpPercentage { get; set; }

    [JsonPropertyName("enable_ai_esp_matching")]
    public bool? EnableAiEspMatching { get; set; }

    // Not in the reference's Campaign; read when the answer carries it (the settings body's name).
    [JsonPropertyName("unsubscribe_text")]
    public string? UnsubscribeText { get; set; }

    public SmartleadCampaign ToModel() => new SmartleadCampaign
    {
        Id = Id,
        Name = Name ?? string.Empty,
        Status = Status ?? string.Empty,
        ClientId = ClientId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        TrackSettings = ReadTrackSettings(TrackSettings),
        TimeZone = Schedule?.Tz,
        Days = (Schedule?.Days ?? new List<int>()).Where(d => d >= 0 && d <= 6).Select(d => (DayOfWeek)d).ToList(),
        StartHour = Schedule?.StartHour,
        EndHour = Schedule?.EndHour,
        MinTimeBetweenEmails = MinTimeBetweenEmails,
        MaxLeadsPerDay = MaxLeadsPerDay,
        StopLeadSettings = StopLeadSettings,
        SendAsPlainText = SendAsPlainText,
        FollowUpPercentage = FollowUpPercentage,
        AiEspMatching = EnableAiEspMatching,
        UnsubscribeText = UnsubscribeText,
    };

    // The reference shows an array of values; older responses carry one comma-separated string.
    private static IReadOnlyList<string> ReadTrackSettings(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        }

        return value is { ValueKind: JsonValueKind.String } text
            ? (text.GetString() ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList()
            : (IReadOnlyList<string>)Array.Empty<string>();
    }
}

internal sealed class CronDto
{
    [JsonPropertyName("tz")]
    public string? Tz { get; set; }

    [JsonPropertyName("days")]
    public List<int>? Days { get; set; }

    [JsonPropertyName("startHour")]
    public string? StartHour { get; set; }

    [JsonPropertyName("endHour")]
    public string? EndHour { get; set; }
}
