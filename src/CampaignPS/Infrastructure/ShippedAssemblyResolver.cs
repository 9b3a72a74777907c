#if !NET8_0_OR_GREATER
using System.IO;
using System.Reflection;

namespace CampaignPS.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) applies no binding redirects to a module, and the
/// netstandard2.0 packages the module ships ask for slightly different versions of each other
/// (System.Memory, System.Text.Json, ...). This answers exactly those requests: an assembly the module
/// ships, asked for by one of the module's own assemblies (or by nobody in particular, which .NET
/// Framework allows), in a version the shipped file satisfies. Every other request is left to other
/// handlers, so other modules never receive our copies. (The scoping follows PSResourceGet's
/// ModuleInitAndCleanup.cs, read not copied.)
/// </summary>
internal static class ShippedAssemblyResolver
{
    private static readonly object Sync = new object();
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ShippedAssemblyResolver).Assembly.Location) ?? string.Empty;
    private static readonly Lazy<Dictionary<string, AssemblyName>> Shipped = new Lazy<Dictionary<string, AssemblyName>>(ReadShipped);
    private static bool _registered;

    public static void Register()
    {
        lock (Sync)
        {
            if (!_registered)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                _registered = true;
            }
        }
    }

    public static void Unregister()
    {
        lock (Sync)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            _registered = false;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var requested = new AssemblyName(args.Name);
        if (requested.Name == null || !Shipped.Value.TryGetValue(requested.Name, out AssemblyName? shipped))
        {
            return null;
        }

        if (args.RequestingAssembly != null && !IsShippedHere(args.RequestingAssembly))
        {
            return null;
        }

        if (requested.Version != null && shipped.Version != null && shipped.Version < requested.Version)
        {
            return null;
        }

        return Assembly.LoadFrom(Path.Combine(ModuleFolder, requested.Name + ".dll"));
    }

    private static bool IsShippedHere(Assembly assembly)
    {
        string? name = assembly.GetName().Name;
        return name != null && Shipped.Value.ContainsKey(name) &&
            string.Equals(Path.GetDirectoryName(assembly.Location), ModuleFolder, StringComparison.OrdinalIgnoreCase);
    }

    private static Dictionary<string, AssemblyName> ReadShipped()
    {
        var names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in Directory.GetFiles(ModuleFolder, "*.dll"))
        {
            try
            {
                AssemblyName name = AssemblyName.GetAssemblyName(file);
                if (name.Name != null)
                {
                    names[name.Name] = name;
                }
            }
            catch (BadImageFormatException)
            {
                // Not a managed assembly: nothing to resolve.
            }
        }

        return names;
    }
}
#endif
