namespace CampaignPS.Bench.Infrastructure;

/// <summary>
/// The module folder the cmdlet scenarios import: out/CampaignPS of the repository this bench was built from, laid out
/// by a Release build of the solution (out/CampaignPS.configuration says which configuration laid it out).
/// </summary>
internal static class ModuleUnderTest
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Manifest
    {
        get
        {
            string manifest = Path.Combine(RepositoryRoot, "out", "CampaignPS", "CampaignPS.psd1");
            string configurationFile = Path.Combine(RepositoryRoot, "out", "CampaignPS.configuration");
            string configuration = File.Exists(configurationFile) ? File.ReadAllText(configurationFile).Trim() : string.Empty;
            if (!File.Exists(manifest) || !string.Equals(configuration, "Release", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "The cmdlet scenarios import out/CampaignPS from a Release build: run 'dotnet build CampaignPS.sln -c Release' first" +
                    (configuration.Length > 0 ? $" (out/CampaignPS was laid out by {configuration})." : "."));
            }

            return manifest;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CampaignPS.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The bench runs from a build inside the CampaignPS repository (no CampaignPS.sln above " + AppContext.BaseDirectory + ").");
    }
}
