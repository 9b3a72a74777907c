using System.Reflection;

namespace CampaignPS.Tests.Support;

/// <summary>
/// The cmdlet surface of the compiled module, read with MetadataLoadContext: nothing is executed,
/// so the PowerShellStandard stub's empty run-time behaviour does not matter.
/// </summary>
internal sealed class CmdletSurface : IDisposable
{
    private readonly MetadataLoadContext _context;

    private CmdletSurface(MetadataLoadContext context, IReadOnlyList<CmdletInfo> cmdlets, Assembly module)
    {
        _context = context;
        Cmdlets = cmdlets;
        Module = module;
    }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public Assembly Module { get; }

    public CmdletInfo this[string name] =>
        Cmdlets.SingleOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No cmdlet {name} in the module.");

    public static CmdletSurface Load(string framework = "net8.0")
    {
        string folder = BuildPaths.ModuleBuild(framework);
        var paths = Directory.GetFiles(BuildPaths.Net8ReferencePack, "*.dll")
            .Concat(BuildPaths.ShippedAssemblies(framework).Where(dll => !dll.EndsWith("CampaignPS.Loader.dll", StringComparison.Ordinal)))
            .Append(BuildPaths.PowerShellStandardAssembly);
        var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Runtime");
        Assembly module = context.LoadFromAssemblyPath(Path.Combine(folder, "CampaignPS.dll"));
        var cmdlets = module.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
            .Where(p => p.Attribute != null)
            .Select(p => CmdletInfo.Read(p.Type, p.Attribute!))
            .OrderBy(c => c.Name)
            .ToList();
        return new CmdletSurface(context, cmdlets, module);
    }

    /// <summary>Finds a type in the module or the assemblies it references.</summary>
    public Type FindType(string fullName)
    {
        foreach (AssemblyName reference in Module.GetReferencedAssemblies().Prepend(Module.GetName()))
        {
            Type? type = TryLoad(reference)?.GetType(fullName);
            if (type != null)
            {
                return type;
            }
        }

        throw new KeyNotFoundException($"Type {fullName} is not in the module or its references.");
    }

    public void Dispose() => _context.Dispose();

    private Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return _context.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}

internal sealed record CmdletInfo(
    string Name,
    Type Type,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    string? DefaultParameterSetName,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<ParameterInfo> Parameters)
{
    public ParameterInfo this[string name] =>
        Parameters.SingleOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"{Name} has no parameter {name}.");

    public bool Has(string parameter) => Parameters.Any(p => p.Name == parameter);

    public static CmdletInfo Read(Type type, CustomAttributeData cmdlet)
    {
        string verb = (string)cmdlet.ConstructorArguments[0].Value!;
        string noun = (string)cmdlet.ConstructorArguments[1].Value!;
        object? Named(string name) => cmdlet.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value;
        string impact = Named("ConfirmImpact") is int value ? ((string[])["None", "Low", "Medium", "High"])[value] : "Medium";
        var outputs = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .Select(v => v is Type t ? t.FullName! : v?.ToString() ?? string.Empty)
            .ToList();
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ParameterInfo.Read)
            .Where(p => p != null)
            .Select(p => p!)
            .ToList();
        return new CmdletInfo($"{verb}-{noun}", type, Named("SupportsShouldProcess") is true, impact, Named("DefaultParameterSetName") as string, outputs, parameters);
    }
}

internal sealed record ParameterSetBinding(string SetName, bool Mandatory, int? Position, bool FromPipeline, bool FromPipelineByPropertyName, bool DontShow);

internal sealed record ParameterInfo(string Name, string TypeName, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetBinding> Sets, IReadOnlyList<string> Attributes)
{
    public const string AllSets = "__AllParameterSets";

    public bool ByPropertyName => Sets.Any(s => s.FromPipelineByPropertyName);

    public bool MandatoryIn(string set = AllSets) => Sets.Any(s => s.SetName == set && s.Mandatory);

    public bool MandatoryAnywhere => Sets.Any(s => s.Mandatory);

    /// <summary>[Parameter(DontShow = true)]: bound by PowerShell, left out of help and tab completion.</summary>
    public bool Hidden => Sets.All(s => s.DontShow);

    public static ParameterInfo? Read(PropertyInfo property)
    {
        var data = property.GetCustomAttributesData();
        var parameterAttributes = data.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList();
        if (parameterAttributes.Count == 0)
        {
            return null;
        }

        var sets = parameterAttributes.Select(a =>
        {
            object? Named(string name) => a.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;
            return new ParameterSetBinding(
                Named("ParameterSetName") as string ?? AllSets,
                Named("Mandatory") is true,
                Named("Position") as int?,
                Named("ValueFromPipeline") is true,
                Named("ValueFromPipelineByPropertyName") is true,
                Named("DontShow") is true);
        }).ToList();
        var aliases = data.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : [(string)arg.Value!])
            .ToList();
        Type type = property.PropertyType;
        string typeName = type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1"
            ? type.GetGenericArguments()[0].FullName!
            : type.FullName!;
        var attributes = data.Select(a => a.AttributeType.Name).ToList();
        return new ParameterInfo(property.Name, typeName, aliases, sets, attributes);
    }
}
