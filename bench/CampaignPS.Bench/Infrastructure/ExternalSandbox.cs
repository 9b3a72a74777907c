using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignPS.Sandbox;

namespace CampaignPS.Bench.Infrastructure;

/// <summary>
/// The sandbox as a separate process (`dotnet CampaignPS.Sandbox.dll --port 0 --ready-file F ...`), for
/// the scenario whose memory figure must not include the leads the sandbox stores, and for the cmdlet scenarios,
/// whose pwsh process talks to it as a user's would.
/// </summary>
internal sealed class ExternalSandbox : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _readyFile;
    private readonly HttpClient _control = new();

    private ExternalSandbox(Process process, string readyFile, Uri rootUri)
    {
        _process = process;
        _readyFile = readyFile;
        RootUri = rootUri;
    }

    public Uri RootUri { get; }

    public Uri SmartleadBaseUri => new(RootUri, "smartlead/api/v1/");

    public static async Task<ExternalSandbox> StartAsync(params string[] arguments)
    {
        string sandboxDll = typeof(SandboxServer).Assembly.Location;
        string readyFile = Path.Combine(Path.GetTempPath(), $"campaignps-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.ready");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[sandboxDll, "--port", "0", "--ready-file", readyFile, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("  [sandbox] " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (!File.Exists(readyFile))
        {
            if (process.HasExited || waited.Elapsed > StartTimeout)
            {
                KillQuietly(process);
                throw new InvalidOperationException($"The sandbox process did not report ready within {StartTimeout.TotalSeconds:0} s (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            }

            await Task.Delay(50);
        }

        var rootUri = new Uri((await File.ReadAllTextAsync(readyFile)).Trim());
        return new ExternalSandbox(process, readyFile, rootUri);
    }

    /// <summary>A Smartlead campaign as the sandbox stores it (control route; not logged, no faults, no limits).</summary>
    public async Task<JsonElement> SmartleadCampaignAsync(long campaignId)
    {
        JsonElement body = await _control.GetFromJsonAsync<JsonElement>(new Uri(RootUri, $"_sandbox/smartlead/campaigns/{campaignId}"));
        return body.GetProperty("campaign");
    }

    /// <summary>Every platform request the sandbox logged so far, in arrival order.</summary>
    public async Task<ArrivalLog> ArrivalsAsync() =>
        ArrivalLog.Parse(await _control.GetFromJsonAsync<JsonElement>(new Uri(RootUri, "_sandbox/requests")));

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        KillQuietly(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_readyFile);
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    // The dotnet host of the runtime this process runs on (…/dotnet/shared/Microsoft.NETCore.App/<version>/ → …/dotnet/dotnet).
    private static string DotnetHost()
    {
        string name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string candidate = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", name));
        return File.Exists(candidate) ? candidate : name;
    }
}
