using System.Text.Json;
using CampaignPS.Engine.Errors;
using CampaignPS.Engine.Json;
using CampaignPS.Engine.Smartlead;
using Xunit;

namespace CampaignPS.Tests.Engine;

/// <summary>
/// The documented answers the sandbox does not serve, read straight from the examples of Smartlead's documents (the docs
/// site's pages and the API reference's schemas), so every documented shape is read.
/// </summary>
public sealed class SmartleadDocumentedShapesTests
{
    [Fact]
    public void The_get_leads_pages_flat_list_with_total_and_category_is_read()
    {
        // api-reference/campaigns/get-leads.mdx, 200 example.
        const string answer = """
            {"total": 150, "leads": [{"id": 789, "email": "john@company.com", "first_name": "John", "last_name": "Doe", "company_name": "ACME Corp",
              "status": "INPROGRESS", "category_id": 1, "category_name": "Interested", "created_at": "2025-01-15T10:00:00Z",
              "email_stats": {"is_opened": true}, "custom_fields": {"job_title": "CEO", "seats": 40}}], "offset": 0, "limit": 100}
            """;

        var list = Read<LeadListDto>(answer);
        var lead = Assert.Single(list.ToModels(123));

        Assert.Equal(150, list.TotalOf);
        Assert.Equal((789L, 123L, "INPROGRESS", 1L, "Interested"), (lead.Id, lead.CampaignId, lead.Status!, lead.CategoryId!.Value, lead.CategoryName!));
        Assert.Equal("40", lead.CustomFields["seats"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero), lead.CreatedAt);
    }

    [Fact]
    public void The_get_by_campaign_pages_nested_leads_and_string_total_are_read()
    {
        // api-reference/leads/get-by-campaign.mdx: total_leads is a string, each lead inside a campaign mapping.
        const string answer = """
            {"total_leads": "42", "offset": 0, "limit": 50, "data": [{"campaign_lead_map_id": 2433664091, "lead_category_id": null, "status": "STARTED",
              "created_at": "2025-11-25T12:54:54.000Z", "lead": {"id": 2995276770, "email": "john@example.com", "first_name": "John", "is_unsubscribed": false}}]}
            """;

        var list = Read<LeadListDto>(answer);
        var lead = Assert.Single(list.ToModels(9));

        Assert.Equal(42, list.TotalOf);
        Assert.Equal((2995276770L, "STARTED", false), (lead.Id, lead.Status!, lead.IsUnsubscribed!.Value));
    }

    [Fact]
    public void Statistics_rows_of_the_real_server_and_the_docs_totals_are_read()
    {
        // statistics.mdx's fields with the times and counts Smartlead sends, then its {success, data: {...}} totals example.
        var rows = StatisticsAnswer.Read(Parse("""
            {"total_stats": "2", "data": [
              {"lead_name": "Ada L", "lead_email": "ada@example.com", "lead_category": "Interested", "sequence_number": 1, "sent_time": "2025-01-15T09:00:00Z",
               "open_time": "2025-01-15T10:00:00Z", "click_time": null, "reply_time": null, "open_count": 3, "click_count": 0, "is_unsubscribed": false, "is_bounced": false},
              {"lead_email": "bo@example.com", "sequence_number": 2, "sent_time": "2025-01-16T09:00:00Z", "is_opened": false, "is_clicked": true, "is_replied": true}]}
            """), 5, "read");
        var totals = StatisticsAnswer.Read(Parse("""
            {"success": true, "data": {"campaign_id": 123, "total_leads": 5240, "contacted": 4128, "opened": 1236, "clicked": 412, "replied": 312, "bounced": 58, "unsubscribed": 24, "open_rate": 29.9}}
            """), 5, "read");

        Assert.Equal(2, rows.Total);
        Assert.Equal((1L, 1L, 0L, 0L), (rows.Rows[0].Sent, rows.Rows[0].Opened, rows.Rows[0].Clicked, rows.Rows[0].Replied));
        Assert.Equal("Interested", rows.Rows[0].LeadCategory);
        Assert.Equal((1L, 1L), (rows.Rows[1].Clicked, rows.Rows[1].Replied));
        var row = Assert.Single(totals.Rows);
        Assert.Equal((123L, 4128L, 1236L, 312L, 24L), (row.CampaignId, row.Sent, row.Opened, row.Replied, row.Unsubscribed));
    }

    [Fact]
    public void Analytics_with_string_rates_metrics_objects_and_the_docs_empty_data_are_read()
    {
        // overview.mdx ({ok, data: {overall_stats}} with "34%"), the reference's CampaignAnalytics with a metrics object
        // (total_ names), get-analytics-by-date.mdx (only total_sent and rates), and top-level.mdx's {"ok": true, "data": []}.
        var overall = Read<CountersDto>(SmartleadAnswer.Data(Parse("""
            {"ok": true, "data": {"overall_stats": {"sent": 1250, "opened": 425, "replied": 94, "bounced": 23, "open_rate": "34%", "reply_rate": "7.5%", "bounce_rate": "1.8%"}}}
            """), "overall_stats").GetRawText()).ToSummary(new DateTime(2025, 1, 1), new DateTime(2025, 1, 31));
        var metrics = Read<CountersDto>("""
            {"campaign_id": 7, "metrics": {"total_sent": 10, "total_opened": 5, "total_replied": 2}, "time_series": [{"date": "2025-01-02", "sent": 10, "opened": 5, "clicked": 1, "replied": 2}]}
            """).ToCampaign(7);
        var byDate = Read<CountersDto>("""
            {"campaign_id": 123, "start_date": "2025-01-01T00:00:00Z", "end_date": "2025-01-31T23:59:59Z", "total_sent": 500, "open_rate": 48.0, "reply_rate": 9.0}
            """).ToCampaign(123);

        Assert.Equal((1250L, 425L, 94L, 34.0, 7.5, 1.8), (overall.Sent!.Value, overall.Opened!.Value, overall.Replied!.Value, overall.OpenRate!.Value, overall.ReplyRate!.Value, overall.BounceRate!.Value));
        Assert.Equal((10L, 5L, 2L, 20.0), (metrics.Sent!.Value, metrics.Opened!.Value, metrics.Replied!.Value, metrics.ReplyRate!.Value));
        Assert.Equal(new DateTime(2025, 1, 2), Assert.Single(metrics.Daily).Date);
        Assert.Equal((500L, 48.0, new DateTime(2025, 1, 1), new DateTime(2025, 1, 31)), (byDate.Sent!.Value, byDate.OpenRate!.Value, byDate.StartDate!.Value, byDate.EndDate!.Value));
        Assert.Null(byDate.Replied);
        Assert.Equal(JsonValueKind.Array, SmartleadAnswer.Data(Parse("""{"ok": true, "data": []}""")).ValueKind);
    }

    [Fact]
    public void A_webhook_list_of_the_references_schema_and_the_account_level_create_answer_are_read()
    {
        var webhooks = SmartleadAnswer.List<WebhookDto>(SmartleadAnswer.Data(Parse("""
            [{"id": 9, "name": "CRM", "webhook_url": "https://crm.example.com", "event_type": "LEAD_REPLIED, EMAIL_BOUNCE,SOMETHING_NEW", "status": "INACTIVE"}]
            """)), "read").Select(w => w.ToModel(3)).ToList();
        var created = Read<WebhookDto>("""{"ok": true, "webhook_id": 77}""");

        var webhook = Assert.Single(webhooks);
        Assert.Equal([SmartleadWebhookEvent.Replied, SmartleadWebhookEvent.Bounced], webhook.EventTypes);
        Assert.False(webhook.IsActive);
        Assert.Equal(77, created.ToModel(3).Id);
    }

    [Fact]
    public void Warmup_details_with_a_numeric_reputation_and_the_references_warmup_stats_are_read()
    {
        // get-by-id.mdx: warmup_reputation is a number there ("95%" in get-all.mdx).
        var account = Read<EmailAccountDto>("""
            {"id": 123, "from_email": "john@example.com", "message_per_day": 50, "is_smtp_success": false, "smtp_failure_error": "timeout",
             "warmup_details": {"status": "PAUSED", "warmup_reputation": 95, "warmup_max_count": 30, "is_warmup_blocked": true, "blocked_reason": null}, "password": "secret"}
            """).ToModel();
        var stats = Read<WarmupStatsDto>("""{"total_sent": 140, "total_inbox": 130, "total_spam": 10, "warmup_reputation": 92.5, "days_in_warmup": 12}""").ToModel(123);

        Assert.Equal((50, "DISCONNECTED", "timeout", "PAUSED", false, 95.0, 30, "blocked"),
            (account.MaxEmailPerDay!.Value, account.ConnectionStatus!, account.ConnectionError!, account.WarmupStatus!, account.WarmupEnabled!.Value, account.WarmupReputation!.Value, account.WarmupPerDay!.Value, account.WarmupBlockedReason!));
        Assert.Equal((140L, 130L, 10L, 92.5, 12), (stats.Sent!.Value, stats.Inbox!.Value, stats.Spam!.Value, stats.Reputation!.Value, stats.DaysInWarmup!.Value));
    }

    [Fact]
    public void An_answer_in_no_documented_shape_is_InvalidResponse()
    {
        var error = Assert.Throws<CampaignApiException>(() => SmartleadAnswer.List<LeadCategoryDto>(Parse("""{"categories": []}"""), "list lead categories"));

        Assert.Equal("SmartleadInvalidResponse", error.ErrorId);
        Assert.Equal(FailureCategory.InvalidResult, error.Failure.Category);
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json, ApiJson.Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiJson.Options)!;
}
