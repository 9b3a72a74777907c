using System.Management.Automation;

namespace CampaignPS.Loader;

/// <summary>
/// Imported by the manifest (PowerShell 7) as a nested module before CampaignPS.dll, so the private load context is
/// in place before PowerShell reads the cmdlets' types, which name the engine's.
/// </summary>
public sealed class LoaderInitializer : IModuleAssemblyInitializer
{
    /// <inheritdoc />
    public void OnImport() => ModuleLoadContext.Install();
}
