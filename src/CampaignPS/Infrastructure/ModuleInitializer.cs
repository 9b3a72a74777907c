using System.Management.Automation;
#if !NET8_0_OR_GREATER
using System;
using System.IO;
using System.Reflection;
#endif

namespace CampaignPS.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported. In Windows PowerShell 5.1 (.NET Framework) there are no
    /// binding redirects for a module's dependencies, and the netstandard2.0 packages reference
    /// slightly different versions of each other (System.Memory, System.Text.Json, ...): this
    /// resolves any request for an assembly that ships in the module folder to that file.
    /// PowerShell 7.4+ loads the net8.0 build, which needs none of this.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
#if !NET8_0_OR_GREATER
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
#endif

        /// <inheritdoc />
        public void OnImport()
        {
#if !NET8_0_OR_GREATER
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
#endif
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
#if !NET8_0_OR_GREATER
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
#endif
        }

#if !NET8_0_OR_GREATER
        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name ?? string.Empty;
            string candidate = Path.Combine(ModuleDirectory, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
#endif
    }
}
