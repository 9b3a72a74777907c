using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Packaging;

/// <summary>
/// What the module folder ships, proven from the compiled assemblies: the PowerShell 7 build needs
/// no framework assembly newer than .NET 8 carries (PowerShell 7.4 runs on .NET 8, and a higher
/// version than the runtime's own cannot load), every other reference ships beside it, and the
/// PowerShellStandard stub is never shipped.
/// </summary>
public sealed class ModuleFolderTests
{
    private const string PowerShellProvided = "System.Management.Automation";

    [Fact]
    public void The_PowerShell_7_build_references_no_framework_assembly_newer_than_dotnet_8()
    {
        var framework = AssemblyVersions(Directory.GetFiles(BuildPaths.Net8ReferencePack, "*.dll"));
        string[] dlls = BuildPaths.ShippedAssemblies("net8.0").ToArray();
        var shipped = AssemblyVersions(dlls);
        var problems = new List<string>();

        foreach (string dll in dlls)
        {
            foreach ((string name, Version version) in References(dll))
            {
                if (framework.TryGetValue(name, out Version? available))
                {
                    if (version > available)
                    {
                        problems.Add($"{Path.GetFileName(dll)} needs {name} {version}, .NET 8 has {available}");
                    }

                    if (shipped.ContainsKey(name))
                    {
                        problems.Add($"{name} is part of .NET 8 but is shipped in the module folder");
                    }
                }
                else if (!shipped.ContainsKey(name) && name != PowerShellProvided)
                {
                    problems.Add($"{Path.GetFileName(dll)} needs {name} {version}, which is neither in .NET 8 nor in the module folder");
                }
                else if (shipped.TryGetValue(name, out Version? inFolder) && version > inFolder)
                {
                    problems.Add($"{Path.GetFileName(dll)} needs {name} {version}, the folder ships {inFolder}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains("CampaignPS.Engine", shipped.Keys);
        Assert.Contains("Microsoft.Extensions.Logging", shipped.Keys);
    }

    [Fact]
    public void The_Windows_PowerShell_build_ships_every_non_framework_dependency()
    {
        string folder = BuildPaths.ModuleBuild("netstandard2.0");
        var shipped = AssemblyVersions(Directory.GetFiles(folder, "*.dll"));
        var missing = Directory.GetFiles(folder, "*.dll")
            .SelectMany(dll => References(dll).Select(r => (Dll: Path.GetFileName(dll), r.Name)))
            .Where(r => !shipped.ContainsKey(r.Name) && !IsDesktopFramework(r.Name))
            .Select(r => $"{r.Dll} needs {r.Name}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.Contains("System.Text.Json", shipped.Keys);
        Assert.Contains("System.Net.Http.Json", shipped.Keys);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("netstandard2.0")]
    public void No_build_ships_the_PowerShellStandard_stub(string framework)
    {
        Assert.False(File.Exists(Path.Combine(BuildPaths.ModuleBuild(framework), "System.Management.Automation.dll")));
        Assert.True(File.Exists(Path.Combine(BuildPaths.ModuleBuild(framework), "CampaignPS.dll")));
    }

    [Fact]
    public void The_engine_does_not_reference_PowerShell()
    {
        foreach (string framework in new[] { "net8.0", "netstandard2.0" })
        {
            Assert.DoesNotContain(References(Path.Combine(BuildPaths.ModuleDependencies(framework), "CampaignPS.Engine.dll")), r => r.Name == PowerShellProvided);
        }
    }

    [Fact]
    public void In_PowerShell_7s_default_load_context_sit_only_the_loader_and_the_cmdlets_and_they_name_nothing_shipped_but_the_engine()
    {
        string folder = BuildPaths.ModuleBuild("net8.0");
        Assert.Equal(["CampaignPS.Loader.dll", "CampaignPS.dll"], Directory.GetFiles(folder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var framework = AssemblyVersions(Directory.GetFiles(BuildPaths.Net8ReferencePack, "*.dll"));
        Assert.Empty(References(BuildPaths.LoaderAssembly).Where(r => !framework.ContainsKey(r.Name) && r.Name != PowerShellProvided).Select(r => r.Name));
        // A dependency named by CampaignPS.dll would bind in the default context, where another module's copy may be:
        // everything but the engine (which the loader hands out of CampaignPS's own context) stays behind the engine.
        Assert.Equal(["CampaignPS.Engine"], References(Path.Combine(folder, "CampaignPS.dll")).Where(r => !framework.ContainsKey(r.Name) && r.Name != PowerShellProvided).Select(r => r.Name));
        Assert.True(File.Exists(Path.Combine(BuildPaths.ModuleDependencies("net8.0"), "CampaignPS.Engine.dll")));
        Assert.False(File.Exists(Path.Combine(BuildPaths.ModuleDependencies("net8.0"), "CampaignPS.dll")));
    }

    [Fact]
    public void The_module_folder_has_the_manifest_and_no_script_runs_on_import()
    {
        string manifest = File.ReadAllText(Path.Combine(BuildPaths.ModuleFolder, "CampaignPS.psd1"));
        Assert.Contains("RootModule           = if ($PSEdition -eq 'Core') { 'net8.0/CampaignPS.dll' } else { 'netstandard2.0/CampaignPS.dll' }", manifest);
        Assert.Contains("NestedModules        = if ($PSEdition -eq 'Core') { @('net8.0/CampaignPS.Loader.dll') } else { @() }", manifest);
        Assert.Equal(["CampaignPS.Format.ps1xml", "CampaignPS.psd1"], Directory.GetFiles(BuildPaths.ModuleFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static bool IsDesktopFramework(string name) =>
        name is "netstandard" or "mscorlib" or PowerShellProvided || name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("System.Text.Json", StringComparison.Ordinal) && DesktopInbox.Contains(name);

    // Assemblies .NET Framework 4.7.2 provides itself (with the netstandard 2.0 facades).
    private static readonly HashSet<string> DesktopInbox =
    [
        "System", "System.Core", "System.Data", "System.Drawing", "System.IO.Compression", "System.Net.Http", "System.Numerics",
        "System.Runtime", "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq", "System.ComponentModel.Composition",
        "System.Configuration", "System.Transactions", "System.Web", "System.Security",
    ];

    private static Dictionary<string, Version> AssemblyVersions(IEnumerable<string> files)
    {
        var versions = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            MetadataReader reader = pe.GetMetadataReader();
            if (reader.IsAssembly)
            {
                AssemblyDefinition definition = reader.GetAssemblyDefinition();
                versions[reader.GetString(definition.Name)] = definition.Version;
            }
        }

        return versions;
    }

    private static List<(string Name, Version Version)> References(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
