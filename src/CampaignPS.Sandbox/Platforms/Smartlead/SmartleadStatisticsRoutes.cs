namespace CampaignPS.Sandbox.Platforms.Smartlead;

/// <summary>Campaign statistics and analytics (the reference's Campaign Statistics and Analytics tags, and the docs' analytics-by-date and
/// name-wise mailbox routes), all counted from the sandbox's sends.</summary>
internal sealed class SmartleadStatisticsRoutes(SmartleadSandboxState state)
{
    private const int StatisticsDefaultLimit = 100;
    private const int StatisticsMaxLimit = 1000;

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns/{campaignId}/statistics", Statistics);
        api.MapGet("/campaigns/{campaignId}/analytics", (string campaignId) =>
        {
            var (campaign, sends) = state.CampaignSends(campaignId);
            return PlatformResponses.Json(SmartleadStatisticsJson.CampaignAnalytics(campaign, sends, state.ReadShape));
        });
        api.MapGet("/campaigns/{campaignId}/analytics-by-date", (HttpRequest request, string campaignId) =>
        {
            var campaign = state.ViewCampaign(campaignId);
            var window = SmartleadAfterLaunchInputs.ReadWindow(request, "time_zone", campaign.Id);
            return PlatformResponses.Json(SmartleadStatisticsJson.CampaignAnalyticsByDate(campaign, state.SendsIn(window)[0].Sends, window));
        });

        api.MapGet("/analytics/overall-stats-v2", (HttpRequest request) =>
            PlatformResponses.Json(SmartleadStatisticsJson.Overall(SendsIn(SmartleadAfterLaunchInputs.ReadWindow(request)), state.ReadShape)));
        api.MapGet("/analytics/day-wise-overall-stats", (HttpRequest request) =>
        {
            var window = SmartleadAfterLaunchInputs.ReadWindow(request);
            return PlatformResponses.Json(SmartleadStatisticsJson.DayWise(SendsIn(window), window.Zone, state.ReadShape));
        });
        api.MapGet("/analytics/campaign/overall-stats", (HttpRequest request) =>
        {
            var window = SmartleadAfterLaunchInputs.ReadWindow(request);
            var (offset, limit) = SmartleadAfterLaunchInputs.ReadPage(request, 100, StatisticsMaxLimit);
            return PlatformResponses.Json(SmartleadStatisticsJson.CampaignWise(state.SendsIn(window), offset, limit, state.ReadShape));
        });
        api.MapGet("/analytics/mailbox/overall-stats", MailboxStats);
        api.MapGet("/analytics/mailbox/name-wise-health-metrics", (HttpRequest request) =>
            PlatformResponses.Json(SmartleadStatisticsJson.NameWise(state, SendsIn(SmartleadAfterLaunchInputs.ReadWindow(request)))));
    }

    private IResult Statistics(HttpRequest request, string campaignId)
    {
        var (campaign, sends) = state.CampaignSends(campaignId);
        var (offset, limit) = SmartleadAfterLaunchInputs.ReadPage(request, StatisticsDefaultLimit, StatisticsMaxLimit);
        var filter = SmartleadAfterLaunchInputs.ReadSendFilter(request);
        switch (state.StatisticsShape)
        {
            case SmartleadStatisticsShape.Totals:
                return PlatformResponses.Json(SmartleadStatisticsJson.Totals(campaign, sends));
            case SmartleadStatisticsShape.Steps:
                return PlatformResponses.Json(SmartleadStatisticsJson.StepRows(state.ViewSends(campaignId, filter, 0, int.MaxValue).Page, offset, limit, campaign.Id));
            default:
                var (page, total) = state.ViewSends(campaignId, filter, offset, limit);
                return PlatformResponses.Json(SmartleadStatisticsJson.EmailRows(state, campaign, page, total, offset, limit));
        }
    }

    /// <summary>The reference: one row per mailbox that sent (email_account_ids filters); the docs: the fleet's totals.</summary>
    private IResult MailboxStats(HttpRequest request)
    {
        var window = SmartleadAfterLaunchInputs.ReadWindow(request);
        if (state.ReadShape == SmartleadReadShape.Docs)
        {
            return PlatformResponses.Json(SmartleadStatisticsJson.MailboxTotals(state));
        }
        var accounts = SmartleadAfterLaunchInputs.Ids(request, "email_account_ids");
        var sends = SendsIn(window).Where(s => accounts.Count == 0 || accounts.Contains(s.EmailAccountId)).ToArray();
        return PlatformResponses.Json(SmartleadStatisticsJson.MailboxRows(state, sends));
    }

    private IReadOnlyList<SmartleadSend> SendsIn(SendWindow window) => state.SendsIn(window).SelectMany(c => c.Sends).ToArray();
}
