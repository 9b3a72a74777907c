using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Reads and validates Smartlead request bodies. Problems become 400s whose message names the
/// field; checks that need stored data (does the campaign exist, what is its status) are left to
/// <see cref="SmartleadSandboxState"/>.</summary>
internal static partial class SmartleadInputs
{
    public const string DefaultCampaignName = "Untitled Campaign";

    /// <summary>Leads per add-leads request (OpenAPI lead_list maxItems; rate-limits payload_limits).</summary>
    public const int MaxLeadsPerRequest = 400;

    public const int MaxDelayInDays = 365;

    // Status values: the API reference's START | PAUSED | STOPPED, plus the tutorial's ACTIVE (= START).
    public const string StatusStart = "START";
    public const string StatusActiveAlias = "ACTIVE";
    public static readonly IReadOnlyList<string> StatusValues = [StatusStart, SmartleadCampaignStatus.Paused, SmartleadCampaignStatus.Stopped, StatusActiveAlias];

    // DESIGN.md: the OpenAPI and the docs (corrected 2026-05-19 to match the server) disagree; accept both.
    public static readonly IReadOnlyList<string> TrackSettingValues =
        ["DONT_EMAIL_OPEN", "DONT_LINK_CLICK", "DONT_TRACK_EMAIL_OPEN", "DONT_TRACK_LINK_CLICK", "DONT_TRACK_REPLY_TO_AN_EMAIL"];

    public static readonly IReadOnlyList<string> StopLeadSettingValues =
        ["REPLY_TO_AN_EMAIL", "OPENED_EMAIL", "CLICKED_LINK", "NEVER", "CLICK_ON_A_LINK", "OPEN_AN_EMAIL"];

    private static readonly string[] CreateFields = ["name", "client_id"];
    private static readonly string[] StatusFields = ["status"];
    private static readonly string[] SequencesFields = ["sequences"];
    private static readonly string[] SequenceFields = ["id", "seq_number", "seq_delay_details", "subject", "email_body", "seq_variants", "variants"];
    private static readonly string[] DelayFields = ["delay_in_days"];
    // Variant fields in every documented spelling: the sequences guide's variant_id and distribution, the campaign guide's
    // variant_distribution, the get-sequences page's variant_name, and variant_label / variant_distribution_percentage.
    private static readonly string[] VariantFields =
        ["id", "subject", "email_body", "variant_label", "variant_id", "variant_name", "distribution", "variant_distribution", "variant_distribution_percentage"];
    private static readonly string[] EmailAccountFields = ["email_account_ids"];
    private static readonly string[] LeadsFields = ["lead_list", "settings"];
    private static readonly string[] LeadFields =
        ["email", "first_name", "last_name", "company_name", "phone_number", "website", "location", "linkedin_profile", "company_url", "custom_fields"];
    private static readonly string[] LeadSettingsFields =
        ["ignore_global_block_list", "ignore_unsubscribe", "ignore_unsubscribe_list", "ignore_duplicate_leads_in_other_campaign", "ignore_community_bounce_list"];
    // The spec's flat CampaignSchedule (camelCase hours), plus max_new_leads_per_day.
    private static readonly string[] FlatScheduleFields = ["timezone", "days", "startHour", "endHour", "min_time_btw_emails", "max_new_leads_per_day"];
    // The docs repo's {"schedule": {...}} wrapper with snake_case fields.
    private static readonly string[] WrappedScheduleFields =
        ["timezone", "days_of_the_week", "start_hour", "end_hour", "min_time_btw_emails", "max_new_leads_per_day", "schedule_start_time"];
    private static readonly string[] SettingsFields =
    [
        "track_settings", "stop_lead_settings", "unsubscribe_text", "send_as_plain_text", "follow_up_percentage",
        "max_leads_per_day", "enable_ai_esp_matching", "client_id", "ignore_unsubscribe", "ignore_unsubscribe_list",
    ];

    public static (string Name, long? ClientId) ReadCreate(string text)
    {
        var body = JsonRequestBody.Parse(text, CreateFields, emptyMeansEmptyObject: true);
        var name = body.NullableString("name");
        if (name is { IsSet: true, Value: { } given } && string.IsNullOrWhiteSpace(given))
        {
            throw PlatformErrorException.BadRequest($"name must not be empty (omit it to get \"{DefaultCampaignName}\").");
        }
        return (name.Value ?? DefaultCampaignName, body.NullableInteger("client_id").Value);
    }

    /// <summary>The requested status, with the tutorial's ACTIVE mapped to START.</summary>
    public static string ReadStatus(string text)
    {
        var body = JsonRequestBody.Parse(text, StatusFields);
        var status = body.String("status");
        if (!status.IsSet)
        {
            throw PlatformErrorException.BadRequest($"status is required: one of {string.Join(", ", StatusValues)}.");
        }
        if (!StatusValues.Contains(status.Value, StringComparer.Ordinal))
        {
            throw PlatformErrorException.BadRequest(
                $"status must be one of {string.Join(", ", StatusValues)} (got \"{status.Value}\").");
        }
        return status.Value == StatusActiveAlias ? StatusStart : status.Value;
    }

    public static IReadOnlyList<SequenceInput> ReadSequences(string text)
    {
        var body = JsonRequestBody.Parse(text, SequencesFields);
        var sequences = body.Objects("sequences", SequenceFields);
        if (!sequences.IsSet)
        {
            throw PlatformErrorException.BadRequest("sequences is required.");
        }
        if (sequences.Value.Count == 0)
        {
            throw PlatformErrorException.BadRequest("sequences must contain at least one sequence.");
        }

        var result = new List<SequenceInput>();
        foreach (var sequence in sequences.Value)
        {
            var seqNumber = sequence.IntegerBetween("seq_number", 1, 1000);
            if (!seqNumber.IsSet)
            {
                throw PlatformErrorException.BadRequest($"{sequence.FieldName("seq_number")} is required.");
            }
            if (result.Any(s => s.SeqNumber == seqNumber.Value))
            {
                throw PlatformErrorException.BadRequest(
                    $"{sequence.FieldName("seq_number")} {seqNumber.Value} appears more than once; seq_number must be unique.");
            }
            var delay = sequence.Object("seq_delay_details", DelayFields);
            if (!delay.IsSet)
            {
                throw PlatformErrorException.BadRequest($"{sequence.FieldName("seq_delay_details")} is required.");
            }
            var days = delay.Value.IntegerBetween("delay_in_days", 0, MaxDelayInDays);
            if (!days.IsSet)
            {
                throw PlatformErrorException.BadRequest($"{delay.Value.FieldName("delay_in_days")} is required.");
            }
            if (sequence.Has("seq_variants") && sequence.Has("variants"))
            {
                throw PlatformErrorException.BadRequest(
                    $"Send either {sequence.FieldName("seq_variants")} or {sequence.FieldName("variants")}, not both.");
            }
            var variantsField = sequence.Has("variants") ? "variants" : "seq_variants";
            var variants = (sequence.Objects(variantsField, VariantFields).Value ?? [])
                .Select(variant => new VariantInput(
                    variant.Integer("id") is { IsSet: true } id ? id.Value : null,
                    RequiredString(variant, "subject"),
                    RequiredString(variant, "email_body"),
                    FirstString(variant, "variant_id", "variant_label", "variant_name"),
                    FirstShare(variant, "distribution", "variant_distribution", "variant_distribution_percentage")))
                .ToArray();
            var shares = variants.Where(v => v.DistributionPercentage.HasValue).ToArray();
            if (shares.Length > 0 && (shares.Length != variants.Length || shares.Sum(v => v.DistributionPercentage) != 100))
            {
                throw PlatformErrorException.BadRequest(
                    $"{sequence.FieldName(variantsField)}: give every variant a distribution and make them add up to 100, or give none.");
            }
            result.Add(new SequenceInput(
                sequence.Integer("id") is { IsSet: true } sequenceId ? sequenceId.Value : null,
                seqNumber.Value,
                RequiredString(sequence, "subject"),
                RequiredString(sequence, "email_body"),
                days.Value,
                variants));
        }
        return result;
    }

    public static IReadOnlyList<long> ReadEmailAccountIds(string text)
    {
        var body = JsonRequestBody.Parse(text, EmailAccountFields);
        var ids = body.Integers("email_account_ids");
        if (!ids.IsSet)
        {
            throw PlatformErrorException.BadRequest("email_account_ids is required.");
        }
        return ids.Value.Count > 0
            ? ids.Value.Distinct().ToArray()
            : throw PlatformErrorException.BadRequest("email_account_ids must contain at least one id.");
    }

    /// <summary>The leads and import settings. The whole request is refused if any lead lacks an email;
    /// malformed addresses are not a 400 but end up in the invalid count.</summary>
    public static LeadsInput ReadLeads(string text)
    {
        var body = JsonRequestBody.Parse(text, LeadsFields);
        var leads = body.Objects("lead_list", LeadFields);
        if (!leads.IsSet)
        {
            throw PlatformErrorException.BadRequest("lead_list is required.");
        }
        if (leads.Value.Count == 0)
        {
            throw PlatformErrorException.BadRequest("lead_list must contain at least one lead.");
        }
        if (leads.Value.Count > MaxLeadsPerRequest)
        {
            throw PlatformErrorException.BadRequest(
                $"lead_list has {leads.Value.Count} leads; at most {MaxLeadsPerRequest} are allowed per request.");
        }

        var result = leads.Value.Select(lead =>
        {
            var email = lead.String("email");
            if (!email.IsSet || string.IsNullOrWhiteSpace(email.Value))
            {
                throw PlatformErrorException.BadRequest($"{lead.FieldName("email")} is required for every lead in lead_list.");
            }
            return new LeadInput(
                email.Value.Trim(),
                lead.NullableString("first_name").Value,
                lead.NullableString("last_name").Value,
                lead.NullableString("company_name").Value,
                lead.NullableString("phone_number").Value,
                lead.NullableString("website").Value,
                lead.NullableString("location").Value,
                lead.NullableString("linkedin_profile").Value,
                lead.NullableString("company_url").Value,
                lead.NullableObjectJson("custom_fields").Value);
        }).ToArray();

        var settings = body.Object("settings", LeadSettingsFields).Value;
        return new LeadsInput(
            result,
            settings?.Boolean("ignore_global_block_list").Value ?? false,
            settings is null ? false : IgnoreUnsubscribe(settings) ?? false,
            settings?.Boolean("ignore_duplicate_leads_in_other_campaign").Value ?? false);
    }

    /// <summary>Accepts the spec's flat CampaignSchedule and the docs repo's {"schedule": {...}} wrapper.</summary>
    public static SmartleadSchedule ReadSchedule(string text)
    {
        var outer = JsonRequestBody.Parse(text, [.. FlatScheduleFields, "schedule"]);
        var wrapped = outer.Has("schedule");
        JsonRequestBody body = outer;
        if (wrapped)
        {
            if (FlatScheduleFields.Any(outer.Has))
            {
                throw PlatformErrorException.BadRequest(
                    "Send either the flat schedule (timezone, days, startHour, endHour, ...) or {\"schedule\": {...}}, not both.");
            }
            body = outer.Object("schedule", WrappedScheduleFields).Value;
        }

        var (daysField, startField, endField) = wrapped
            ? ("days_of_the_week", "start_hour", "end_hour")
            : ("days", "startHour", "endHour");

        var timezone = RequiredString(body, "timezone");
        if (!TextFormats.TryFindIanaTimeZone(timezone, out _))
        {
            throw PlatformErrorException.BadRequest(
                $"{body.FieldName("timezone")} must be an IANA time zone such as America/New_York (got \"{timezone}\").");
        }

        var days = body.Integers(daysField);
        if (!days.IsSet || days.Value.Count == 0)
        {
            throw PlatformErrorException.BadRequest(
                $"{body.FieldName(daysField)} is required: a non-empty array of days, 0=Sunday .. 6=Saturday.");
        }
        var outOfRange = days.Value.Where(day => day is < 0 or > 6).ToArray();
        if (outOfRange.Length > 0)
        {
            throw PlatformErrorException.BadRequest(
                $"{body.FieldName(daysField)} must hold days 0 (Sunday) to 6 (Saturday) (got {outOfRange[0]}).");
        }
        if (days.Value.Distinct().Count() != days.Value.Count)
        {
            throw PlatformErrorException.BadRequest($"{body.FieldName(daysField)} must not repeat a day.");
        }

        var start = ReadHour(body, startField);
        var end = ReadHour(body, endField);
        if (string.CompareOrdinal(start, end) >= 0)
        {
            throw PlatformErrorException.BadRequest(
                $"{body.FieldName(startField)} ({start}) must be before {body.FieldName(endField)} ({end}).");
        }

        var minTime = body.IntegerBetween("min_time_btw_emails", 1, 24 * 60);
        var maxNew = body.IntegerBetween("max_new_leads_per_day", 1, 1_000_000);
        DateTimeOffset? startTime = null;
        if (wrapped && body.NullableString("schedule_start_time") is { IsSet: true, Value: { } startText })
        {
            startTime = DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : throw PlatformErrorException.BadRequest(
                    $"{body.FieldName("schedule_start_time")} must be an ISO-8601 date-time (got \"{startText}\").");
        }

        return new SmartleadSchedule(
            timezone,
            days.Value.Select(day => (int)day).Order().ToArray(),
            start,
            end,
            minTime.IsSet ? minTime.Value : null,
            maxNew.IsSet ? maxNew.Value : null,
            startTime);
    }

    public static SettingsInput ReadSettings(string text)
    {
        var body = JsonRequestBody.Parse(text, SettingsFields);
        var track = body.Strings("track_settings");
        if (track.IsSet)
        {
            foreach (var value in track.Value)
            {
                EnsureAllowed("track_settings", value, TrackSettingValues);
            }
        }
        var stop = body.String("stop_lead_settings");
        if (stop.IsSet)
        {
            EnsureAllowed("stop_lead_settings", stop.Value, StopLeadSettingValues);
        }
        var input = new SettingsInput(
            track.IsSet ? Optional<IReadOnlyList<string>>.Of(track.Value.Distinct().ToArray()) : Optional<IReadOnlyList<string>>.Unset,
            stop,
            body.String("unsubscribe_text"),
            body.Boolean("send_as_plain_text"),
            body.IntegerBetween("follow_up_percentage", 0, 100),
            body.IntegerBetween("max_leads_per_day", 1, 1_000_000),
            body.Boolean("enable_ai_esp_matching"),
            body.NullableInteger("client_id"),
            IgnoreUnsubscribe(body) is { } ignore ? Optional<bool>.Of(ignore) : Optional<bool>.Unset);
        return input.IsEmpty
            ? throw PlatformErrorException.BadRequest($"At least one setting must be provided: {string.Join(", ", SettingsFields)}.")
            : input;
    }

    /// <summary>A plausible address: one @, no spaces, a dot in the domain, nothing empty.</summary>
    public static bool IsValidEmail(string email) => EmailPattern().IsMatch(email);

    /// <summary>ignore_unsubscribe (spec) or ignore_unsubscribe_list (docs); both may be sent if they agree.</summary>
    private static bool? IgnoreUnsubscribe(JsonRequestBody body)
    {
        var spec = body.Boolean("ignore_unsubscribe");
        var docs = body.Boolean("ignore_unsubscribe_list");
        if (spec.IsSet && docs.IsSet && spec.Value != docs.Value)
        {
            throw PlatformErrorException.BadRequest(
                $"{body.FieldName("ignore_unsubscribe")} and {body.FieldName("ignore_unsubscribe_list")} disagree; send one of them.");
        }
        return spec.IsSet ? spec.Value : docs.IsSet ? docs.Value : null;
    }

    private static void EnsureAllowed(string field, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw PlatformErrorException.BadRequest(
                $"{field} value \"{value}\" is not allowed. Allowed values: {string.Join(", ", allowed)}.");
        }
    }

    private static string? FirstString(JsonRequestBody body, params string[] fields) =>
        fields.Select(f => body.NullableString(f).Value).FirstOrDefault(v => v is not null);

    private static int? FirstShare(JsonRequestBody body, params string[] fields) =>
        fields.Select(f => body.IntegerBetween(f, 0, 100)).Where(v => v.IsSet).Select(v => (int?)v.Value).FirstOrDefault();

    private static string RequiredString(JsonRequestBody body, string field)
    {
        var value = body.String(field);
        return value.IsSet ? value.Value : throw PlatformErrorException.BadRequest($"{body.FieldName(field)} is required.");
    }

    private static string ReadHour(JsonRequestBody body, string field)
    {
        var value = RequiredString(body, field);
        return HourPattern().IsMatch(value)
            ? value
            : throw PlatformErrorException.BadRequest($"{body.FieldName(field)} must be a 24-hour time \"HH:mm\" such as 09:00 (got \"{value}\").");
    }

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex HourPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}

internal sealed record VariantInput(long? Id, string Subject, string EmailBody, string? Label, int? DistributionPercentage);

internal sealed record SequenceInput(long? Id, int SeqNumber, string Subject, string EmailBody, int DelayInDays, IReadOnlyList<VariantInput> Variants);

internal sealed record LeadInput(
    string Email,
    string? FirstName,
    string? LastName,
    string? CompanyName,
    string? PhoneNumber,
    string? Website,
    string? Location,
    string? LinkedinProfile,
    string? CompanyUrl,
    string? CustomFieldsJson);

internal sealed record LeadsInput(
    IReadOnlyList<LeadInput> Leads,
    bool IgnoreGlobalBlockList,
    bool IgnoreUnsubscribe,
    bool IgnoreDuplicatesInOtherCampaigns);

internal sealed record SettingsInput(
    Optional<IReadOnlyList<string>> TrackSettings,
    Optional<string> StopLeadSettings,
    Optional<string> UnsubscribeText,
    Optional<bool> SendAsPlainText,
    Optional<int> FollowUpPercentage,
    Optional<int> MaxLeadsPerDay,
    Optional<bool> EnableAiEspMatching,
    Optional<long?> ClientId,
    Optional<bool> IgnoreUnsubscribe)
{
    public bool IsEmpty =>
        !(TrackSettings.IsSet || StopLeadSettings.IsSet || UnsubscribeText.IsSet || SendAsPlainText.IsSet
          || FollowUpPercentage.IsSet || MaxLeadsPerDay.IsSet || EnableAiEspMatching.IsSet || ClientId.IsSet || IgnoreUnsubscribe.IsSet);
}
