using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Builds the JSON bodies of Smartlead responses (snake_case, as the OpenAPI files show them).</summary>
internal static class SmartleadJson
{
    /// <summary>The OpenAPI's success body for configuration calls: <c>{"ok": true}</c>.</summary>
    public static JsonObject Ok(JsonObject? body = null)
    {
        body ??= [];
        body.Insert(0, "ok", true);
        return body;
    }

    /// <summary>The error body in the selected documented shape. Codes follow the error guide where it names
    /// one (VALIDATION_ERROR, RATE_LIMIT_EXCEEDED); the others are the sandbox's own upper-case names.</summary>
    public static JsonObject Error(SmartleadErrorShape shape, int statusCode, string message, TimeSpan? retryAfter) => shape switch
    {
        SmartleadErrorShape.Flat => new JsonObject { ["message"] = message },
        SmartleadErrorShape.FlatError => new JsonObject { ["error"] = message },
        _ => new JsonObject { ["error"] = NestedError(statusCode, message, retryAfter) },
    };

    public static JsonObject Campaign(SmartleadCampaign campaign, bool includeTags)
    {
        var settings = campaign.Settings;
        var body = new JsonObject
        {
            ["id"] = campaign.Id,
            ["user_id"] = SmartleadSandboxState.UserId,
            ["created_at"] = Timestamp(campaign.CreatedAt),
            ["updated_at"] = Timestamp(campaign.UpdatedAt),
            ["status"] = campaign.Status,
            ["name"] = campaign.Name,
            // Echoed in the vocabulary the caller used (spec DONT_EMAIL_OPEN... or docs DONT_TRACK_...).
            ["track_settings"] = new JsonArray((settings.TrackSettings ?? []).Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["scheduler_cron_value"] = campaign.Schedule is { } schedule
                ? new JsonObject
                {
                    ["tz"] = schedule.Timezone,
                    ["days"] = new JsonArray(schedule.Days.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
                    ["startHour"] = schedule.StartHour,
                    ["endHour"] = schedule.EndHour,
                }
                : null,
            ["min_time_btwn_emails"] = campaign.Schedule?.MinTimeBetweenEmails,
            ["max_leads_per_day"] = settings.MaxLeadsPerDay ?? campaign.Schedule?.MaxNewLeadsPerDay,
            ["stop_lead_settings"] = settings.StopLeadSettings,
            ["enable_ai_esp_matching"] = settings.EnableAiEspMatching ?? false,
            ["send_as_plain_text"] = settings.SendAsPlainText ?? false,
            ["follow_up_percentage"] = settings.FollowUpPercentage,
            ["unsubscribe_text"] = settings.UnsubscribeText,
            ["client_id"] = campaign.ClientId,
        };
        if (includeTags)
        {
            body["tags"] = new JsonArray();
        }
        return body;
    }

    /// <summary>GET sequences: the reference's bare list, with variants as seq_variants in the sequences guide's fields (variant_id,
    /// distribution); or the docs' get-sequences page: {"success": true, "data": [...]} with sequence_variants (id, variant_name).
    /// That page's example leaves the delay out although its overview says it is shown: it is kept here.</summary>
    public static JsonNode Sequences(SmartleadCampaign campaign, SmartleadReadShape shape)
    {
        var docs = shape == SmartleadReadShape.Docs;
        var steps = new JsonArray(campaign.Sequences.Select(sequence =>
        {
            var body = new JsonObject
            {
                ["id"] = sequence.Id,
                ["seq_number"] = sequence.SeqNumber,
                ["subject"] = sequence.Subject,
                ["email_body"] = sequence.EmailBody,
                ["seq_delay_details"] = new JsonObject { ["delay_in_days"] = sequence.DelayInDays },
            };
            if (docs)
            {
                body["email_campaign_id"] = campaign.Id;
            }
            if (sequence.Variants.Count > 0)
            {
                body[docs ? "sequence_variants" : "seq_variants"] = new JsonArray(sequence.Variants.Select(v => (JsonNode)new JsonObject
                {
                    ["id"] = v.Id,
                    [docs ? "variant_name" : "variant_id"] = v.Label,
                    ["subject"] = v.Subject,
                    ["email_body"] = v.EmailBody,
                    ["distribution"] = docs ? null : v.DistributionPercentage,
                }).ToArray());
            }
            return (JsonNode)body;
        }).ToArray());
        return docs ? new JsonObject { ["success"] = true, ["data"] = steps } : steps;
    }

    public static JsonObject Lead(SmartleadLead lead) => new()
    {
        ["id"] = lead.Id,
        ["email"] = lead.Email,
        ["first_name"] = lead.FirstName,
        ["last_name"] = lead.LastName,
        ["company_name"] = lead.CompanyName,
        ["phone_number"] = lead.PhoneNumber,
        ["website"] = lead.Website,
        ["location"] = lead.Location,
        ["linkedin_profile"] = lead.LinkedinProfile,
        ["company_url"] = lead.CompanyUrl,
        ["custom_fields"] = lead.CustomFieldsJson is { } json ? JsonNode.Parse(json) : new JsonObject(),
        ["status"] = lead.Status,
        ["campaign_id"] = lead.CampaignId,
        ["created_at"] = Timestamp(lead.CreatedAt),
        ["updated_at"] = Timestamp(lead.CreatedAt),
    };

    /// <summary>The add-leads response. Spec: the OpenAPI's addLeadsToCampaign 200 plus invalid_count
    /// (the spec has nowhere else to report malformed addresses). Docs: the docs' shape, where every lead
    /// not added is listed with a reason (invalid_email, duplicate, duplicate_in_other_campaign, blocked, unsubscribed).</summary>
    public static JsonObject LeadImport(SmartleadLeadImportResult result, SmartleadLeadsResponseShape shape) => shape switch
    {
        SmartleadLeadsResponseShape.Docs => new JsonObject
        {
            ["success"] = true,
            ["added_count"] = result.InsertedCount,
            ["skipped_count"] = result.Skipped.Count,
            ["skipped_leads"] = new JsonArray(result.Skipped
                .Select(s => (JsonNode)new JsonObject { ["email"] = s.Email, ["reason"] = s.Reason }).ToArray()),
        },
        _ => new JsonObject
        {
            ["ok"] = true,
            ["inserted_count"] = result.InsertedCount,
            ["duplicate_count"] = result.DuplicateCount,
            ["blocked_count"] = result.BlockedCount,
            ["invalid_count"] = result.InvalidCount,
        },
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject NestedError(int statusCode, string message, TimeSpan? retryAfter)
    {
        var error = new JsonObject { ["code"] = ErrorCode(statusCode), ["message"] = message };
        if (statusCode == StatusCodes.Status429TooManyRequests && retryAfter is { } wait)
        {
            // rate-limits file: retry_after_field is error.retry_after, in whole seconds like Retry-After.
            error["retry_after"] = (long)Math.Ceiling(wait.TotalSeconds);
        }
        return error;
    }

    private static string ErrorCode(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity => "VALIDATION_ERROR",
        StatusCodes.Status401Unauthorized => "UNAUTHORIZED",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status429TooManyRequests => "RATE_LIMIT_EXCEEDED",
        StatusCodes.Status503ServiceUnavailable => "SERVICE_UNAVAILABLE",
        >= 500 => "INTERNAL_SERVER_ERROR",
        _ => "ERROR",
    };
}
