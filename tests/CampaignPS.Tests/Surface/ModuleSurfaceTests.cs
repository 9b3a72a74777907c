using System.Text.RegularExpressions;
using CampaignPS.Tests.Support;
using Xunit;

namespace CampaignPS.Tests.Surface;

/// <summary>Rules every cmdlet in the module follows, checked on the compiled assembly.</summary>
public sealed class ModuleSurfaceTests : IClassFixture<SurfaceFixture>
{
    private static readonly string[] CommonParameters =
        ["Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
         "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm"];

    private static readonly string[] ChangingVerbs = ["New", "Set", "Add", "Remove", "Start", "Stop", "Suspend", "Send"];

    private readonly CmdletSurface _surface;

    public ModuleSurfaceTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    [Fact]
    public void Manifest_exports_exactly_the_cmdlets_in_the_assembly()
    {
        string manifest = File.ReadAllText(BuildPaths.ManifestPath);
        var exported = ManifestList(manifest, "CmdletsToExport");
        Assert.Equal(_surface.Cmdlets.Select(c => c.Name).OrderBy(n => n), exported.OrderBy(n => n));
        foreach (string other in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.Matches(new Regex(other + @"\s*=\s*@\(\s*\)"), manifest);
        }
    }

    [Fact]
    public void Manifest_declares_both_editions_and_Windows_PowerShell_5_1()
    {
        string manifest = File.ReadAllText(BuildPaths.ManifestPath);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
        Assert.Contains("PowerShellVersion    = if ($PSEdition -eq 'Core') { '7.4' } else { '5.1' }", manifest);
    }

    [Fact]
    public void Every_cmdlet_that_changes_remote_state_supports_WhatIf_and_Confirm()
    {
        var changing = _surface.Cmdlets.Where(c => ChangingVerbs.Contains(c.Name.Split('-')[0])).ToList();
        Assert.NotEmpty(changing);
        Assert.All(changing, c => Assert.True(c.SupportsShouldProcess, $"{c.Name} does not support ShouldProcess"));
    }

    [Fact]
    public void Every_cmdlet_that_returns_objects_declares_sealed_output_types()
    {
        foreach (CmdletInfo cmdlet in _surface.Cmdlets.Where(c => !c.Name.StartsWith("Disconnect-", StringComparison.Ordinal) && !c.Name.StartsWith("Remove-", StringComparison.Ordinal)))
        {
            Assert.True(cmdlet.OutputTypes.Count > 0, $"{cmdlet.Name} has no [OutputType]");
            foreach (string output in cmdlet.OutputTypes.Where(o => o != "System.Management.Automation.PSObject"))
            {
                Type type = _surface.FindType(output);
                Assert.True(type.IsSealed, $"{output} (output of {cmdlet.Name}) is not sealed");
            }
        }
    }

    [Fact]
    public void No_alias_collides_with_a_parameter_or_common_parameter_name()
    {
        foreach (CmdletInfo cmdlet in _surface.Cmdlets)
        {
            var names = cmdlet.Parameters.Select(p => p.Name).Concat(CommonParameters).ToList();
            var aliases = cmdlet.Parameters.SelectMany(p => p.Aliases).ToList();
            foreach (string alias in aliases)
            {
                Assert.DoesNotContain(names, n => string.Equals(n, alias, StringComparison.OrdinalIgnoreCase));
            }

            Assert.Equal(aliases.Count, aliases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void Every_platform_cmdlet_takes_Connection_and_every_cmdlet_class_is_sealed()
    {
        foreach (CmdletInfo cmdlet in _surface.Cmdlets)
        {
            Assert.True(cmdlet.Type.IsSealed, $"{cmdlet.Name} is not sealed");
            if (!cmdlet.Name.StartsWith("Connect-", StringComparison.Ordinal) && cmdlet.Name != "Get-CampaignConnection")
            {
                Assert.True(cmdlet.Has("Connection"), $"{cmdlet.Name} has no -Connection");
            }
        }
    }

    [Fact]
    public void A_positional_argument_never_means_different_parameters_in_different_sets()
    {
        foreach (CmdletInfo cmdlet in _surface.Cmdlets)
        {
            var positional = cmdlet.Parameters
                .SelectMany(p => p.Sets.Where(s => s.Position.HasValue).Select(s => (Parameter: p.Name, s.SetName, Position: s.Position!.Value)))
                .GroupBy(p => p.Position);
            foreach (var atPosition in positional)
            {
                Assert.True(atPosition.Select(p => p.Parameter).Distinct().Count() == 1,
                    $"{cmdlet.Name}: position {atPosition.Key} is {string.Join(" or ", atPosition.Select(p => $"-{p.Parameter} ({p.SetName})"))}, so a bare value picks the default set silently");
            }
        }
    }

    [Fact]
    public void Pipeline_cmdlets_that_create_or_change_remote_objects_take_ThrottleLimit()
    {
        // One at a time on purpose: New-SmsCampaign gathers the whole pipeline into one campaign, and
        // sending, cancelling or deleting cannot be undone, so a mistake should stop after one record.
        string[] sequentialOnPurpose = ["New-SmsCampaign", "Send-SmsCampaign", "Stop-SmsCampaign", "Remove-SmsCampaign", "Remove-SmartleadCampaign"];
        var bulk = _surface.Cmdlets
            .Where(c => ChangingVerbs.Contains(c.Name.Split('-')[0]) && !c.Name.Contains("Request", StringComparison.Ordinal))
            .Where(c => c.Parameters.Any(p => p.Sets.Any(s => s.FromPipeline || s.FromPipelineByPropertyName)))
            .Where(c => !sequentialOnPurpose.Contains(c.Name))
            .ToList();

        Assert.True(bulk.Count >= 15, $"only {bulk.Count} bulk cmdlets found");
        Assert.All(bulk, c => Assert.True(c.Has("ThrottleLimit"), $"{c.Name} has no -ThrottleLimit"));
    }

    [Fact]
    public void Secrets_are_only_taken_as_SecureString_or_PSCredential()
    {
        foreach (CmdletInfo cmdlet in _surface.Cmdlets)
        {
            foreach (ParameterInfo parameter in cmdlet.Parameters.Where(p => Regex.IsMatch(p.Name, "ApiKey|Token|Password|Secret")))
            {
                Assert.Contains(parameter.TypeName, new[] { "System.Security.SecureString", "System.Management.Automation.PSCredential" });
            }
        }
    }

    internal static List<string> ManifestList(string manifest, string key)
    {
        Match block = Regex.Match(manifest, key + @"\s*=\s*@\((?<body>[^)]*)\)");
        Assert.True(block.Success, $"{key} not found in the manifest");
        return Regex.Matches(block.Groups["body"].Value, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }
}

public sealed class SurfaceFixture : IDisposable
{
    internal CmdletSurface Surface { get; } = CmdletSurface.Load();

    public void Dispose() => Surface.Dispose();
}
