using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CampaignPS.Loader;

/// <summary>
/// The private load context of CampaignPS in PowerShell 7. Everything the module ships in its
/// <c>lib</c> folder loads here, whatever versions other modules have put in the default context;
/// anything not shipped there (System.Management.Automation, the framework) comes from the default
/// context, so PowerShell's own types exist once. Created once per process and never unloaded:
/// Remove-Module then Import-Module gets the same assemblies back.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    /// <summary>The name the context shows in AssemblyLoadContext.All and in load failures.</summary>
    public const string ContextName = "CampaignPS";

    private const string ModuleAssemblyName = "CampaignPS";

    private static readonly object Sync = new object();
    private static ModuleLoadContext? _instance;

    private readonly string _folder;
    private readonly Lazy<Assembly> _module;

    private ModuleLoadContext(string folder)
        : base(ContextName, isCollectible: false)
    {
        _folder = folder;
        _module = new Lazy<Assembly>(() => LoadFromAssemblyPath(Path.Combine(_folder, ModuleAssemblyName + ".dll")));
    }

    /// <summary>The folder the context loads from: <c>lib</c> beside this assembly.</summary>
    public string Folder => _folder;

    /// <summary>Returns CampaignPS.dll loaded in the module's context, loading it on the first call.</summary>
    public static Assembly LoadModule()
    {
        lock (Sync)
        {
            if (_instance == null)
            {
                string here = Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)
                    ?? throw new InvalidOperationException("CampaignPS.Loader.dll has no location on disk.");
                _instance = new ModuleLoadContext(Path.Combine(here, "lib"));
            }

            return _instance._module.Value;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Only what the module ships; null hands every other request to the default context.
        string candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
