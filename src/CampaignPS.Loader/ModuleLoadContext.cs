using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CampaignPS.Loader;

/// <summary>
/// The private load context of CampaignPS in PowerShell 7. Everything the module ships in its
/// <c>lib</c> folder (the engine, Microsoft.Extensions.*, libphonenumber) loads here, whatever versions
/// other modules have put in the default context; anything not shipped there (System.Management.Automation,
/// the framework) comes from the default context, so PowerShell's own types exist once. Created once per
/// process and never unloaded: Remove-Module then Import-Module gets the same assemblies back.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    /// <summary>The name the context shows in AssemblyLoadContext.All and in load failures.</summary>
    public const string ContextName = "CampaignPS";

    // The only shipped assembly CampaignPS.dll (in the default context) references: the door into this context.
    // Nothing else is answered, so another module's requests for Microsoft.Extensions.* never get our copies.
    private const string EngineAssemblyName = "CampaignPS.Engine";

    private static readonly object Sync = new object();
    private static ModuleLoadContext? _instance;

    private readonly string _folder;

    private ModuleLoadContext(string folder)
        : base(ContextName, isCollectible: false)
    {
        _folder = folder;
    }

    /// <summary>The folder the context loads from: <c>lib</c> beside this assembly.</summary>
    public string Folder => _folder;

    /// <summary>
    /// Creates the context (once per process) and lets the default context find the engine in it: CampaignPS.dll
    /// asks for CampaignPS.Engine, which the default context does not have, and gets the copy loaded here.
    /// </summary>
    public static void Install()
    {
        lock (Sync)
        {
            if (_instance != null)
            {
                return;
            }

            string here = Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)
                ?? throw new InvalidOperationException("CampaignPS.Loader.dll has no location on disk.");
            _instance = new ModuleLoadContext(Path.Combine(here, "lib"));
            Default.Resolving += ResolveEngine;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Only what the module ships; null hands every other request to the default context.
        string candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal) ? _instance!.LoadFromAssemblyName(name) : null;
}
