using System.Text.Json;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>
/// What a pwsh Loops create run did, judged from the sandbox's side: admitted creates and their span (the achieved
/// rate), campaigns created once, twice or never (by name), and what the pipeline wrote.
/// </summary>
internal static class LoopsCreateOutcome
{
    public static void Report(ScenarioReport report, IReadOnlyList<Arrival> posts, JsonElement result, int items)
    {
        Arrival[] admitted = posts.Where(p => p.Admitted).ToArray();
        int distinct = admitted.Select(NameOf).Distinct(StringComparer.Ordinal).Count();
        double span = ArrivalLog.AdmittedSpanSeconds(posts);

        // Rate over the intervals between admitted requests: n requests evenly spaced at the limit span (n - 1) / limit.
        report.Requests = Math.Max(0, admitted.Length - 1);
        report.Elapsed = TimeSpan.FromSeconds(span);
        report.ItemsLost = items - distinct;
        report.ItemsDuplicated = admitted.Length - distinct;
        report.Metric("rateLimited429", posts.Count(p => p.StatusCode == 429));
        report.Metric("requestsPerItem", posts.Count / (double)items);
        report.Metric("written", result.GetProperty("written").GetInt32());
        report.Metric("errors", result.GetProperty("errors").GetInt32());
        report.Note = result.GetProperty("limiter").GetString();
        report.RequireNothingLostOrDuplicated();
        bool inOrder = result.GetProperty("inOrder").GetBoolean();
        report.Require("every row written, in input order", inOrder && result.GetProperty("errors").GetInt32() == 0, inOrder ? "yes" : "no");
    }

    private static string NameOf(Arrival post)
    {
        using JsonDocument body = JsonDocument.Parse(post.Body);
        return body.RootElement.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty;
    }
}
