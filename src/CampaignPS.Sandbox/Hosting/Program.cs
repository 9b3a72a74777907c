using System.Runtime.InteropServices;

namespace CampaignPS.Sandbox;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SandboxCommandLine commandLine;
        try
        {
            commandLine = SandboxCommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + SandboxCommandLine.Usage);
            return 2;
        }
        if (commandLine.ShowHelp)
        {
            Console.WriteLine(SandboxCommandLine.Usage);
            return 0;
        }

        using var shutdown = new CancellationTokenSource();
        using var onSigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOn);
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOn);

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(commandLine.Options, shutdown.Token);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"The sandbox could not start: {e.Message}");
            return 1;
        }

        await using (server)
        {
            Console.WriteLine($"CampaignPS sandbox listening on {server.RootUri} (Ctrl+C to stop)");
            var nameWidth = server.Platforms.Max(platform => platform.DisplayName.Length);
            foreach (var platform in server.Platforms)
            {
                Console.WriteLine($"{platform.DisplayName.PadRight(nameWidth)} {server.BaseUriOf(platform)}   {platform.ConnectionHint}");
            }

            if (commandLine.ReadyFile is { } readyFile)
            {
                WriteReadyFile(readyFile, server.RootUri);
            }
            try
            {
                await server.WaitForShutdownAsync(shutdown.Token);
            }
            finally
            {
                if (commandLine.ReadyFile is { } readyFileToRemove)
                {
                    File.Delete(readyFileToRemove);
                }
            }
        }
        return 0;

        void StopOn(PosixSignalContext signal)
        {
            signal.Cancel = true;
            shutdown.Cancel();
        }
    }

    // Written to a temporary file and moved into place, so a script polling for the file never reads half a line.
    private static void WriteReadyFile(string path, Uri rootUri)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, rootUri + Environment.NewLine);
        File.Move(temporary, fullPath, overwrite: true);
    }
}
