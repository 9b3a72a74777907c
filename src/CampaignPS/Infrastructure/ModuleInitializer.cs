namespace CampaignPS.Infrastructure;

/// <summary>
/// Runs when the module is imported and removed. In Windows PowerShell 5.1 it answers the assembly
/// requests of the module's own assemblies with the files the module ships (there are no binding
/// redirects for a module); PowerShell 7 needs none of that, because CampaignPS.Loader.dll (imported first)
/// loads the engine and its dependencies into CampaignPS's own AssemblyLoadContext. On Remove-Module it
/// closes the connections this runspace opened and forgets the completion cache.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <inheritdoc />
    public void OnImport()
    {
#if !NET8_0_OR_GREATER
        ShippedAssemblyResolver.Register();
#endif
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        ConnectionRegistry.CloseAll();
        RemoteIdCompleter.ClearCache();
#if !NET8_0_OR_GREATER
        ShippedAssemblyResolver.Unregister();
#endif
    }
}
