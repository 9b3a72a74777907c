using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>
/// Runs one of the bench's scripts (Cmdlets/*.ps1) in a fresh `dotnet pwsh` (the repository's pinned tool, as the README
/// tells users to run it) and returns the JSON of the line it prints as "RESULT {...}".
/// </summary>
internal static class PwshScript
{
    private const string ResultPrefix = "RESULT ";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ModuleUnderTest.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["NO_COLOR"] = "1" },
        };
        foreach (string argument in (string[])["pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "Cmdlets", script), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet pwsh did not start.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (errors)
                {
                    errors.AppendLine(line);
                }
            }
        };
        process.BeginErrorReadLine();
        Task<string> output = process.StandardOutput.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout.TotalMinutes:0} minutes.");
        }

        string? result = (await output).Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || result is null)
        {
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString().Trim();
            }

            throw new InvalidOperationException($"{script} exited {process.ExitCode} without a result. {Last(stderr, 600)}");
        }

        return JsonDocument.Parse(result[ResultPrefix.Length..]).RootElement.Clone();
    }

    private static string Last(string text, int length) => text.Length <= length ? text : "…" + text[^length..];
}
