using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Engine.Loops;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Scenarios;

/// <summary>
/// Scenario 5: what the engine costs per request. Sequential Loops creates with no latency and no
/// limits, through LoopsClient and through a bare HttpClient posting the same JSON to the same
/// sandbox route, alternating request by request in the same run so that whatever else the machine
/// does falls on both alike.
/// Bound: engine time per request / bare time per request &lt;= 1.25.
/// </summary>
internal sealed class ClientOverheadScenario : IBenchScenario
{
    private const int WarmUp = 300;
    private const int Pairs = 3000;
    private const double RatioBound = 1.25;
    private const string CampaignsPath = "/loops/api/v1/campaigns";

    public int Number => 5;

    public string Name => "Client overhead vs bare HttpClient";

    public async Task<ScenarioReport> RunAsync()
    {
        var report = new ScenarioReport(Number, Name) { Items = Pairs };
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { EnforceRateLimits = false });
        using var engine = new LoopsClient(BenchConnections.Loops(sandbox, 0));
        using var bare = new HttpClient();
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SandboxServer.DefaultLoopsApiKey);
        var route = new Uri(sandbox.LoopsBaseUri, "campaigns");

        Func<string, Task> viaEngine = name => engine.CreateCampaignAsync(new NewLoopsCampaign { Name = name });
        Func<string, Task> viaBare = async name =>
        {
            using var content = new StringContent(JsonSerializer.Serialize(new { name }), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await bare.PostAsync(route, content);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        };

        await MeasurePairsAsync(viaEngine, viaBare, "Warm-up", WarmUp);
        Measured<(double[] Engine, double[] Bare)> measured = await Measurement.RunAsync(() => MeasurePairsAsync(viaEngine, viaBare, "Measured", Pairs));
        double enginePerRequest = measured.Value.Engine.Average();
        double barePerRequest = measured.Value.Bare.Average();
        double ratio = enginePerRequest / barePerRequest;

        // Every engine create must have reached the sandbox exactly once.
        Dictionary<string, int> engineCreates = sandbox.Requests.Snapshot()
            .Where(r => r.Method == "POST" && r.Path == CampaignsPath && r.StatusCode is >= 200 and < 300)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("name").GetString() ?? string.Empty)
            .Where(name => name.StartsWith("Engine ", StringComparison.Ordinal))
            .GroupBy(name => name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        report.Elapsed = TimeSpan.FromMilliseconds(measured.Value.Engine.Sum());
        report.Requests = Pairs;
        report.PeakManagedBytes = measured.PeakManagedBytes;
        report.ItemsLost = WarmUp + Pairs - engineCreates.Count;
        report.ItemsDuplicated = engineCreates.Values.Sum(count => count - 1);
        report.Metric("engineMsPerRequest", enginePerRequest);
        report.Metric("bareMsPerRequest", barePerRequest);
        report.Metric("overheadRatio", ratio);
        report.Metric("medianOverheadRatio", Median(measured.Value.Engine) / Median(measured.Value.Bare));
        report.Require($"engine/bare per request <= {RatioBound.ToString(CultureInfo.InvariantCulture)}", ratio <= RatioBound, ratio.ToString("0.000", CultureInfo.InvariantCulture));
        report.RequireNothingLostOrDuplicated();
        return report;
    }

    // Engine and bare requests alternate one by one (who goes first alternates too). Returns each request's time in milliseconds.
    private static async Task<(double[] Engine, double[] Bare)> MeasurePairsAsync(Func<string, Task> viaEngine, Func<string, Task> viaBare, string prefix, int pairs)
    {
        var engine = new double[pairs];
        var bare = new double[pairs];
        for (int i = 0; i < pairs; i++)
        {
            string suffix = string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:00000}");
            if (i % 2 == 0)
            {
                engine[i] = await TimeAsync(viaEngine, "Engine " + suffix);
                bare[i] = await TimeAsync(viaBare, "Bare " + suffix);
            }
            else
            {
                bare[i] = await TimeAsync(viaBare, "Bare " + suffix);
                engine[i] = await TimeAsync(viaEngine, "Engine " + suffix);
            }
        }

        return (engine, bare);
    }

    private static async Task<double> TimeAsync(Func<string, Task> send, string name)
    {
        long start = Stopwatch.GetTimestamp();
        await send(name);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
