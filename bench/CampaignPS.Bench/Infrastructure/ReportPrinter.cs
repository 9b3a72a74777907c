using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>Prints the reports as a Markdown table (for the README) and one JSON line per scenario.</summary>
internal static class ReportPrinter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintTable(TextWriter output, IReadOnlyList<ScenarioReport> reports)
    {
        output.WriteLine("| # | scenario | items | elapsed s | req/s | limit | achieved/limit | achieved/sequential | lost | duplicated | peak MB | result |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (ScenarioReport r in reports)
        {
            output.WriteLine(string.Join(" | ",
                "| " + r.Number, r.Name, r.Items.ToString("N0", Invariant), F(r.Elapsed.TotalSeconds, "0.0"), F(r.AchievedPerSecond, "0.00"),
                r.LimitPerSecond is { } limit ? F(limit, "0.#") : "-", F(r.AchievedOverLimit, "0.000"), F(r.AchievedOverSequential, "0.00"),
                r.ItemsLost.ToString(Invariant), r.ItemsDuplicated.ToString(Invariant), F(r.PeakManagedBytes / 1048576.0, "0"), Result(r)) + " |");
        }
    }

    /// <summary>Per scenario, over its runs: the headline figure's min, median and max, and how many runs met every bound.</summary>
    public static void PrintSummary(TextWriter output, IReadOnlyList<ScenarioReport> reports)
    {
        output.WriteLine("| # | scenario | figure | min | median | max | runs passed |");
        output.WriteLine("|---|---|---|---:|---:|---:|---:|");
        foreach (IGrouping<int, ScenarioReport> scenario in reports.GroupBy(r => r.Number))
        {
            ScenarioReport first = scenario.First();
            string label = first.Headline?.Label ?? (first.LimitPerSecond is null ? "req/s" : "achieved/limit");
            double[] values = [.. scenario.Where(r => r.Error is null).Select(Headline).Order()];
            string format = label == "extra ms" ? "0" : "0.000";
            output.WriteLine(string.Join(" | ",
                "| " + scenario.Key, first.Name, label,
                values.Length == 0 ? "-" : F(values[0], format), values.Length == 0 ? "-" : F(values[values.Length / 2], format),
                values.Length == 0 ? "-" : F(values[^1], format), $"{scenario.Count(r => r.Passed)}/{scenario.Count()}") + " |");
        }

        foreach (ScenarioReport report in reports.Where(r => r.Note is not null).GroupBy(r => r.Number).Select(g => g.Last()))
        {
            output.WriteLine($"Scenario {report.Number}, rate limit at the end: {report.Note}");
        }
    }

    private static double Headline(ScenarioReport r) => r.Headline?.Value ?? r.AchievedOverLimit ?? r.AchievedPerSecond;

    public static void PrintJsonLines(TextWriter output, IReadOnlyList<ScenarioReport> reports)
    {
        foreach (ScenarioReport report in reports)
        {
            output.WriteLine(ToJson(report));
        }
    }

    /// <summary>Every bound that was missed, one line each (empty when all passed).</summary>
    public static IEnumerable<string> Misses(IReadOnlyList<ScenarioReport> reports) =>
        reports.SelectMany(r => r.Error is { } error
            ? [$"scenario {r.Number} ({r.Name}) failed: {error}"]
            : r.Bounds.Where(b => !b.Passed).Select(b => $"scenario {r.Number} ({r.Name}) missed its bound {b.Bound}: got {b.Actual}"));

    private static string ToJson(ScenarioReport r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("scenario", r.Number);
            json.WriteString("name", r.Name);
            json.WriteNumber("items", r.Items);
            json.WriteNumber("elapsedSeconds", Math.Round(r.Elapsed.TotalSeconds, 3));
            json.WriteNumber("requests", r.Requests);
            json.WriteNumber("achievedRequestsPerSecond", Math.Round(r.AchievedPerSecond, 3));
            Number(json, "limitRequestsPerSecond", r.LimitPerSecond);
            Number(json, "achievedOverLimit", r.AchievedOverLimit);
            Number(json, "sequentialRequestsPerSecond", r.SequentialPerSecond);
            Number(json, "achievedOverSequential", r.AchievedOverSequential);
            json.WriteNumber("itemsLost", r.ItemsLost);
            json.WriteNumber("itemsDuplicated", r.ItemsDuplicated);
            json.WriteNumber("peakManagedBytes", r.PeakManagedBytes);
            json.WriteStartObject("metrics");
            foreach (KeyValuePair<string, double> metric in r.Metrics)
            {
                json.WriteNumber(metric.Key, Math.Round(metric.Value, 4));
            }

            json.WriteEndObject();
            json.WriteStartArray("bounds");
            foreach (BoundCheck bound in r.Bounds)
            {
                json.WriteStartObject();
                json.WriteString("bound", bound.Bound);
                json.WriteString("actual", bound.Actual);
                json.WriteBoolean("passed", bound.Passed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (r.Error is { } error)
            {
                json.WriteString("error", error);
            }

            if (r.Note is { } note)
            {
                json.WriteString("note", note);
            }

            json.WriteBoolean("passed", r.Passed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Result(ScenarioReport r) =>
        r.Error is not null ? "ERROR" : r.Passed ? "pass" : "MISS: " + string.Join("; ", r.Bounds.Where(b => !b.Passed).Select(b => b.Bound));

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, Invariant) : "-";
}
