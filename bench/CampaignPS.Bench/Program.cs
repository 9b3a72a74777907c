using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CampaignPS.Bench.Infrastructure;
using CampaignPS.Bench.Scenarios;

namespace CampaignPS.Bench;

/// <summary>
/// dotnet run -c Release --project bench/CampaignPS.Bench [-- --only 1,3] [--runs 3]
/// Runs the scenarios against the sandbox: 1-5 drive the engine in this process (issue 5), 6-10 drive the real cmdlets
/// in `dotnet pwsh` against an external sandbox with the flags users get (issue 12; they need a Release build of the
/// solution, out/CampaignPS). Prints a Markdown table and one JSON line per scenario run, with --runs a summary of each
/// scenario's headline figure (min/median/max), and exits with 1 when any run misses its stated bound (naming it).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        IBenchScenario[] all =
        [
            new LoopsCreateScenario(),
            new SmartleadLeadScenario(),
            new StreamedCsvScenario(),
            new FaultStormScenario(),
            new ClientOverheadScenario(),
            new CmdletLoopsCreateScenario(),
            new CmdletSmartleadLeadScenario(),
            new CmdletLowerLimitScenario(),
            new CmdletPerRowScenario(),
            new ImportModuleScenario(),
        ];
        HashSet<int>? only = Only(args);
        int runs = Runs(args);
        var reports = new List<ScenarioReport>();
        var total = Stopwatch.StartNew();
        Console.Error.WriteLine($"CampaignPS bench: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        for (int run = 1; run <= runs; run++)
        {
            foreach (IBenchScenario scenario in all.Where(s => only is null || only.Contains(s.Number)))
            {
                Console.Error.WriteLine($"[{total.Elapsed:mm\\:ss}] run {run}/{runs}, scenario {scenario.Number}: {scenario.Name} ...");
                reports.Add(await RunAsync(scenario));
            }
        }

        Console.WriteLine();
        ReportPrinter.PrintTable(Console.Out, reports);
        if (runs > 1)
        {
            Console.WriteLine();
            ReportPrinter.PrintSummary(Console.Out, reports);
        }

        Console.WriteLine();
        ReportPrinter.PrintJsonLines(Console.Out, reports);
        List<string> misses = ReportPrinter.Misses(reports).ToList();
        foreach (string miss in misses)
        {
            Console.WriteLine("MISSED: " + miss);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{reports.Count} scenarios in {total.Elapsed.TotalSeconds:0} s: {(misses.Count == 0 ? "every bound met" : $"{misses.Count} bound(s) missed")}"));
        return misses.Count == 0 ? 0 : 1;
    }

    private static async Task<ScenarioReport> RunAsync(IBenchScenario scenario)
    {
        try
        {
            return await scenario.RunAsync();
        }
        catch (Exception exception)
        {
            return new ScenarioReport(scenario.Number, scenario.Name) { Error = exception.GetType().Name + ": " + exception.Message };
        }
    }

    private static int Runs(string[] args)
    {
        int at = Array.IndexOf(args, "--runs");
        return at >= 0 && at + 1 < args.Length ? Math.Max(1, int.Parse(args[at + 1], CultureInfo.InvariantCulture)) : 1;
    }

    private static HashSet<int>? Only(string[] args)
    {
        int at = Array.IndexOf(args, "--only");
        return at >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToHashSet()
            : null;
    }
}
