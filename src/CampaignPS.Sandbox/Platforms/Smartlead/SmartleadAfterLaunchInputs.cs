using System.Globalization;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

internal sealed record WebhookInput(long? Id, string Name, string Url, IReadOnlyList<string> EventTypes);

internal sealed record WarmupInput(bool? Enabled, int? PerDay, int? DailyRampup, int? ReplyRatePercentage);

/// <summary>Reads and checks the query strings and bodies of the after-launch routes. Bad values are 400s (the
/// reference's analytics routes declare 422 for validation, and answer it there) that name the parameter.</summary>
internal static class SmartleadAfterLaunchInputs
{
    /// <summary>Every documented webhook event name: the API reference and the campaign-webhooks page (LEAD_*), the events
    /// reference (EMAIL_*, the rest), and the webhooks concept page (EMAIL_OPENED, ...).</summary>
    public static readonly IReadOnlyList<string> WebhookEvents =
    [
        "LEAD_REPLIED", "LEAD_OPENED", "LEAD_CLICKED", "LEAD_BOUNCED", "LEAD_UNSUBSCRIBED", "LEAD_CREATED",
        "EMAIL_SENT", "FIRST_EMAIL_SENT", "EMAIL_OPEN", "EMAIL_LINK_CLICK", "EMAIL_REPLY", "EMAIL_BOUNCE",
        "LEAD_CATEGORY_UPDATED", "CAMPAIGN_STATUS_CHANGED", "UNTRACKED_REPLIES", "MANUAL_STEP_REACHED", "EMAIL_ACCOUNT_DISCONNECTED",
        "EMAIL_OPENED", "EMAIL_CLICKED", "EMAIL_REPLIED", "EMAIL_BOUNCED", "EMAIL_UNSUBSCRIBED",
    ];

    private static readonly string[] WebhookFields = ["id", "name", "webhook_url", "event_types", "categories"];
    private static readonly string[] WarmupFields =
        ["warmup_enabled", "total_warmup_per_day", "daily_rampup", "reply_rate_percentage", "warmup_key_id", "auto_adjust_warmup", "is_rampup_enabled"];
    private static readonly string[] CategoryFields = ["category_id", "pause_lead"];
    private static readonly string[] LeadEmailStatuses = ["Sent", "Opened", "Clicked", "Replied", "Bounced"];

    /// <summary>The reference's filters: status (either vocabulary), email_status, email_sequence_number; the docs' lead_category_id.</summary>
    public static LeadFilter ReadLeadFilter(HttpRequest request)
    {
        var status = Text(request, "status");
        if (status is not null && !SmartleadSandboxState.LeadStatusFilters.Contains(status, StringComparer.Ordinal))
        {
            throw PlatformErrorException.BadRequest($"status must be one of {string.Join(", ", SmartleadSandboxState.LeadStatusFilters)} (got \"{status}\").");
        }
        var emailStatus = Text(request, "email_status");
        if (emailStatus is not null && !LeadEmailStatuses.Contains(emailStatus, StringComparer.OrdinalIgnoreCase))
        {
            throw PlatformErrorException.BadRequest($"email_status must be one of {string.Join(", ", LeadEmailStatuses)} (got \"{emailStatus}\").");
        }
        return new LeadFilter(status, emailStatus, (int?)Between(request, "email_sequence_number", 1, 20), Between(request, "lead_category_id", 1, long.MaxValue));
    }

    /// <summary>The docs' statistics filters; email_status in lower case (opened, clicked, replied, unsubscribed, bounced).</summary>
    public static SendFilter ReadSendFilter(HttpRequest request)
    {
        var status = Text(request, "email_status");
        SmartleadEmailEvent? happened = status is null ? null
            : Enum.GetValues<SmartleadEmailEvent>().Cast<SmartleadEmailEvent?>().FirstOrDefault(e => e.ToString()!.ToLowerInvariant() == status)
              ?? throw PlatformErrorException.BadRequest($"email_status must be one of opened, clicked, replied, unsubscribed, bounced (got \"{status}\").");
        var after = Moment(request, "sent_time_start_date");
        var before = Moment(request, "sent_time_end_date");
        return new SendFilter((int?)Between(request, "email_sequence_number", 1, 20), happened, after, before);
    }

    /// <summary>offset (0 or more) and limit (1 to <paramref name="maxLimit"/>, default <paramref name="defaultLimit"/>).</summary>
    public static (int Offset, int Limit) ReadPage(HttpRequest request, int defaultLimit, int maxLimit)
    {
        var offset = SmartleadQuery.Integer(request, "offset") ?? 0;
        var limit = SmartleadQuery.Integer(request, "limit") ?? defaultLimit;
        if (offset is < 0 or > int.MaxValue)
        {
            throw PlatformErrorException.BadRequest($"offset must be 0 or more (got {offset}).");
        }
        if (limit < 1 || limit > maxLimit)
        {
            throw PlatformErrorException.BadRequest($"limit must be between 1 and {maxLimit} (got {limit}).");
        }
        return ((int)offset, (int)limit);
    }

    /// <summary>start_date and end_date (required, yyyy-MM-dd or ISO 8601), the time zone (IANA; <paramref name="zoneParameter"/>
    /// is "timezone" on /analytics and "time_zone" on analytics-by-date), and the comma-separated campaign_ids and client_ids.</summary>
    public static SendWindow ReadWindow(HttpRequest request, string zoneParameter = "timezone", long? campaignId = null)
    {
        var start = Day(request, "start_date");
        var end = Day(request, "end_date");
        if (end < start)
        {
            throw Invalid($"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}.");
        }
        var zoneName = Text(request, zoneParameter) ?? "UTC";
        if (!TextFormats.TryFindIanaTimeZone(zoneName, out var zone))
        {
            throw Invalid($"{zoneParameter} must be an IANA time zone such as America/New_York (got \"{zoneName}\").");
        }
        var campaigns = campaignId is { } id ? [id] : Ids(request, "campaign_ids");
        return new SendWindow(start, end, zone, campaigns, Ids(request, "client_ids"));
    }

    public static IReadOnlyCollection<long> Ids(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return [];
        }
        return text.Split(',').Select(part => long.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Invalid($"{name} must be comma-separated ids such as 1,2,3 (got \"{text}\").")).ToArray();
    }

    /// <summary>save-webhooks.mdx: {id (null for new), name, webhook_url, event_types}, all but id required.</summary>
    public static WebhookInput ReadWebhook(string text)
    {
        var body = JsonRequestBody.Parse(text, WebhookFields);
        var name = body.String("name");
        if (!name.IsSet || string.IsNullOrWhiteSpace(name.Value))
        {
            throw PlatformErrorException.BadRequest("name is required.");
        }
        var url = body.String("webhook_url");
        if (!url.IsSet || !Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw PlatformErrorException.BadRequest("webhook_url is required: an absolute http(s) URL.");
        }
        var events = body.Strings("event_types");
        if (!events.IsSet || events.Value.Count == 0)
        {
            throw PlatformErrorException.BadRequest("event_types is required: at least one event type.");
        }
        foreach (var type in events.Value.Where(t => !WebhookEvents.Contains(t, StringComparer.Ordinal)))
        {
            throw PlatformErrorException.BadRequest($"event_types value \"{type}\" is not an event. Allowed values: {string.Join(", ", WebhookEvents)}.");
        }
        return new WebhookInput(body.NullableInteger("id").Value, name.Value.Trim(), url.Value.Trim(), events.Value.Distinct().ToArray());
    }

    /// <summary>warmup-settings.mdx's ranges: total_warmup_per_day 1-50, daily_rampup 5-20, reply_rate_percentage 20-100 (422 outside).</summary>
    public static WarmupInput ReadWarmup(string text)
    {
        var body = JsonRequestBody.Parse(text, WarmupFields);
        var enabled = body.Boolean("warmup_enabled");
        return new WarmupInput(
            enabled.IsSet ? enabled.Value : null,
            InRange(body, "total_warmup_per_day", 1, 50),
            InRange(body, "daily_rampup", 5, 20),
            InRange(body, "reply_rate_percentage", 20, 100));
    }

    /// <summary>{category_id} (required, reference) and the docs' pause_lead.</summary>
    public static (long CategoryId, bool Pause) ReadCategory(string text)
    {
        var body = JsonRequestBody.Parse(text, CategoryFields);
        var category = body.Integer("category_id");
        if (!category.IsSet)
        {
            throw PlatformErrorException.BadRequest("category_id is required.");
        }
        var pause = body.Boolean("pause_lead");
        return (category.Value, pause.IsSet && pause.Value);
    }

    private static int? InRange(JsonRequestBody body, string field, int min, int max)
    {
        var value = body.Integer(field);
        if (!value.IsSet)
        {
            return null;
        }
        return value.Value >= min && value.Value <= max
            ? (int)value.Value
            : throw new PlatformErrorException(StatusCodes.Status422UnprocessableEntity,
                value.Value > max ? $"{field} must be less than or equal to {max}" : $"{field} must be greater than or equal to {min}");
    }

    private static DateOnly Day(HttpRequest request, string name)
    {
        var text = Text(request, name) ?? throw Invalid($"{name} is required (yyyy-MM-dd).");
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : throw Invalid($"{name} must be a date such as 2024-01-31 (got \"{text}\").");
    }

    private static DateTimeOffset? Moment(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : throw PlatformErrorException.BadRequest($"{name} must be a date-time such as 2023-10-16 10:33:02.000Z (got \"{text}\").");
    }

    private static long? Between(HttpRequest request, string name, long min, long max)
    {
        var value = SmartleadQuery.Integer(request, name);
        return value is null || (value >= min && value <= max)
            ? value
            : throw PlatformErrorException.BadRequest($"{name} must be between {min} and {max} (got {value}).");
    }

    private static string? Text(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? null : text;
    }

    private static PlatformErrorException Invalid(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}
