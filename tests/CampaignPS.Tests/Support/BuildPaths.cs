using System.Reflection;

namespace CampaignPS.Tests.Support;

/// <summary>Where the build put things; the paths are stamped into this assembly at build time.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "CampaignPS");

    /// <summary>The folder of one build's CampaignPS.dll (the manifest's RootModule): net8.0 or netstandard2.0.</summary>
    public static string ModuleBuild(string framework) => Path.Combine(ModuleFolder, framework);

    /// <summary>The folder of one build's engine and dependencies: net8.0/lib (CampaignPS's own load context) or netstandard2.0 (beside the module).</summary>
    public static string ModuleDependencies(string framework) =>
        framework == "net8.0" ? Path.Combine(ModuleFolder, framework, "lib") : Path.Combine(ModuleFolder, framework);

    /// <summary>Every assembly one build ships: the module and its dependencies.</summary>
    public static IEnumerable<string> ShippedAssemblies(string framework) =>
        Directory.GetFiles(ModuleBuild(framework), "*.dll").Concat(framework == "net8.0" ? Directory.GetFiles(ModuleDependencies(framework), "*.dll") : []).Distinct();

    /// <summary>The nested module that PowerShell 7 imports first: out/CampaignPS/net8.0/CampaignPS.Loader.dll.</summary>
    public static string LoaderAssembly => Path.Combine(ModuleFolder, "net8.0", "CampaignPS.Loader.dll");

    public static string ManifestPath => Path.Combine(RepositoryRoot, "CampaignPS.psd1");

    public static string PowerShellStandardAssembly =>
        Path.Combine(Metadata("PowerShellStandardRoot"), "lib", "netstandard2.0", "System.Management.Automation.dll");

    /// <summary>The .NET 8 reference assemblies: what PowerShell 7.4 (the oldest supported PowerShell 7) runs on.</summary>
    public static string Net8ReferencePack
    {
        get
        {
            string root = Path.Combine(Metadata("NuGetPackageRoot"), "microsoft.netcore.app.ref");
            string version = Directory.GetDirectories(root, "8.0.*").Select(Path.GetFileName).OrderBy(v => Version.Parse(v!)).Last()!;
            return Path.Combine(root, version, "ref", "net8.0");
        }
    }

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"{key} was not stamped at build time.");
}
