using System.Collections.ObjectModel;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;

namespace CampaignPS.HelpGen;

/// <summary>
/// Reads the cmdlets of the compiled module with MetadataLoadContext (nothing is loaded or run: the
/// PowerShellStandard stub has empty attributes at run time) and joins them with their doc comments.
/// </summary>
internal static class CmdletReader
{
    private const string Automation = "System.Management.Automation.";
    private const string AboutTopic = "about_CampaignPS";

    public static IReadOnlyList<CommandHelp> Read(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new HelpGenException($"{assemblyPath} does not exist; build src/CampaignPS first.");
        }

        string folder = Path.GetDirectoryName(assemblyPath)!;
        string stub = Path.Combine(AppContext.BaseDirectory, "stub", "System.Management.Automation.dll");
        if (!File.Exists(stub))
        {
            throw new HelpGenException($"The PowerShellStandard stub is missing beside the generator ({stub}).");
        }

        // The running runtime's assemblies resolve framework references (netstandard.dll forwards to them),
        // the build folder the module's own dependencies, the stub the cmdlet attributes.
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(folder, "*.dll").Where(p => !Path.GetFileName(p).Equals("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase)))
            .Append(stub);
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Assembly module = context.LoadFromAssemblyPath(assemblyPath);
        DocComments docs = DocComments.Load(folder);
        Type[] types;
        try
        {
            types = module.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            types = partial.Types.Where(t => t != null).Select(t => t!).ToArray();
        }

        var cmdletNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var cmdlets = new List<(Type Type, CustomAttributeData Attribute)>();
        foreach (Type type in types.Where(t => t.IsClass && !t.IsAbstract && t.IsPublic))
        {
            CustomAttributeData? cmdlet = Attributes(type.GetCustomAttributesData(), "CmdletAttribute").FirstOrDefault();
            if (cmdlet != null)
            {
                cmdlets.Add((type, cmdlet));
                cmdletNames[DocComments.DocName(type)] = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
            }
        }

        return cmdlets.Select(c => ReadCommand(c.Type, c.Attribute, docs, cmdletNames)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static CommandHelp ReadCommand(Type type, CustomAttributeData cmdlet, DocComments docs, IReadOnlyDictionary<string, string> cmdletNames)
    {
        string verb = (string)cmdlet.ConstructorArguments[0].Value!;
        string noun = (string)cmdlet.ConstructorArguments[1].Value!;
        string name = $"{verb}-{noun}";
        bool shouldProcess = Named(cmdlet, "SupportsShouldProcess") is true;
        string impact = Named(cmdlet, "ConfirmImpact") is int level ? ((string[])["None", "Low", "Medium", "High"])[level] : "Medium";
        string? defaultSet = Named(cmdlet, "DefaultParameterSetName") as string;

        XElement? doc = docs.Type(type);
        XElement? summary = doc?.Element("summary");
        string synopsis = string.Join(" ", DocConventions.Paras(summary, DocConventions.Synopsis).Select(DocComments.Text));
        var description = DocConventions.Paras(summary, DocConventions.Description).Select(DocComments.Text).Where(t => t.Length > 0).ToList();

        List<ParameterHelp> parameters = ReadParameters(type, docs);
        if (shouldProcess)
        {
            int order = parameters.Count;
            parameters.Add(CommonSwitch("WhatIf", "wi", "Shows what would happen if the cmdlet runs, without changing anything.", order));
            parameters.Add(CommonSwitch("Confirm", "cf", $"Prompts for confirmation before the change (this cmdlet's ConfirmImpact is {impact}).", order + 1));
        }

        return new CommandHelp(
            name,
            verb,
            noun,
            synopsis,
            description,
            Syntax(parameters, defaultSet),
            parameters.OrderBy(p => p.Position ?? int.MaxValue).ThenBy(p => p.Required ? 0 : 1).ThenBy(p => p.Order).ToList(),
            Inputs(parameters),
            Outputs(type, docs, summary),
            Notes(doc, shouldProcess, impact),
            Examples(doc, name),
            Links(doc, summary, cmdletNames));
    }

    private static List<ParameterHelp> ReadParameters(Type type, DocComments docs)
    {
        var parameters = new List<ParameterHelp>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Most derived first; a property hidden with 'new' is read once, from the most derived declaration.
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            IList<CustomAttributeData> attributes = property.GetCustomAttributesData();
            var bindings = Attributes(attributes, "ParameterAttribute").ToList();
            if (bindings.Count == 0 || bindings.All(b => Named(b, "DontShow") is true) || !seen.Add(property.Name))
            {
                continue;
            }

            var sets = bindings.Select(b => new SetBinding(
                Named(b, "ParameterSetName") as string ?? SetBinding.AllSets,
                Named(b, "Mandatory") is true,
                Named(b, "Position") is int position && position >= 0 ? position : null,
                Named(b, "ValueFromPipeline") is true,
                Named(b, "ValueFromPipelineByPropertyName") is true)).ToList();

            Type parameterType = Unwrap(property.PropertyType);
            Type element = parameterType.IsArray ? Unwrap(parameterType.GetElementType()!) : parameterType;
            var values = Attributes(attributes, "ValidateSetAttribute").SelectMany(a => Strings(a.ConstructorArguments)).ToList();
            if (values.Count == 0 && element.IsEnum)
            {
                values = element.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList();
            }

            XElement? summary = docs.Property(property)?.Element("summary");
            var description = DocConventions.Paras(summary, DocConventions.Description).Select(DocComments.Text).Where(t => t.Length > 0).ToList();
            if (description.Count == 0 && DocComments.Text(summary) is { Length: > 0 } plain)
            {
                description.Add(plain);
            }

            parameters.Add(new ParameterHelp(
                property.Name,
                description,
                TypeName(parameterType, full: true),
                TypeName(parameterType, full: false),
                parameterType.IsArray,
                parameterType.FullName == Automation + "SwitchParameter",
                Attributes(attributes, "AliasAttribute").SelectMany(a => Strings(a.ConstructorArguments)).ToList(),
                Attributes(attributes, "SupportsWildcardsAttribute").Any(),
                values,
                sets,
                parameters.Count));
        }

        return parameters;
    }

    private static ParameterHelp CommonSwitch(string name, string alias, string description, int order) =>
        new(name, [description], Automation + "SwitchParameter", "SwitchParameter", false, true, [alias], false, [],
            [new SetBinding(SetBinding.AllSets, false, null, false, false)], order);

    private static List<SyntaxItem> Syntax(List<ParameterHelp> parameters, string? defaultSet)
    {
        var setNames = parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != SetBinding.AllSets).Distinct().ToList();
        if (setNames.Count == 0)
        {
            setNames.Add(SetBinding.AllSets);
        }
        else if (defaultSet != null)
        {
            // The default set comes first; it is listed even when no parameter names it (then it has only the
            // parameters of every set), as Get-Command shows it: Set-LoopsCampaign's most common form is such a set.
            setNames.Remove(defaultSet);
            setNames.Insert(0, defaultSet);
        }

        return setNames.Select(set => new SyntaxItem(set, parameters
            .Select(p => (Parameter: p, Binding: p.Sets.FirstOrDefault(s => s.SetName == set) ?? p.Sets.FirstOrDefault(s => s.SetName == SetBinding.AllSets)))
            .Where(p => p.Binding != null)
            .Select(p => (p.Parameter, Binding: p.Binding!))
            .OrderBy(p => p.Binding.Position ?? int.MaxValue)
            .ThenBy(p => p.Binding.Mandatory ? 0 : 1)
            .ThenBy(p => p.Parameter.Order)
            .ToList())).ToList();
    }

    private static List<TypeHelp> Inputs(List<ParameterHelp> parameters)
    {
        var inputs = new List<TypeHelp>();
        foreach (ParameterHelp byValue in parameters.Where(p => p.ByValue))
        {
            string element = byValue.IsArray ? byValue.TypeName[..^2] : byValue.TypeName;
            inputs.Add(new TypeHelp(element, $"Objects piped to this cmdlet bind to -{byValue.Name}. {string.Join(" ", byValue.Description)}".Trim()));
        }

        var byName = parameters.Where(p => p.ByPropertyName).ToList();
        if (byName.Count > 0)
        {
            string names = string.Join(", ", byName.Select(p => p.Aliases.Count == 0 ? "-" + p.Name : $"-{p.Name} ({string.Join(", ", p.Aliases)})"));
            inputs.Add(new TypeHelp(Automation + "PSObject",
                $"Any object whose properties are named like these parameters or their aliases, such as an Import-Csv row or the output of another CampaignPS cmdlet, binds by property name: {names}."));
        }

        if (inputs.Count == 0)
        {
            inputs.Add(new TypeHelp("None", "This cmdlet does not take pipeline input."));
        }

        return inputs;
    }

    private static List<TypeHelp> Outputs(Type type, DocComments docs, XElement? summary)
    {
        string extra = string.Join(" ", DocConventions.Paras(summary, DocConventions.Outputs).Select(DocComments.Text));
        var outputs = Attributes(type.GetCustomAttributesData(), "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .Select(value => value switch
            {
                Type output => new TypeHelp(TypeName(output, full: true), $"{DocComments.Text(docs.Type(output)?.Element("summary"))} {extra}".Trim()),
                _ => new TypeHelp(value?.ToString() ?? string.Empty, extra),
            })
            .DistinctBy(t => t.TypeName)
            .ToList();
        if (outputs.Count == 0)
        {
            outputs.Add(new TypeHelp("None", $"This cmdlet writes no output. {extra}".Trim()));
        }

        return outputs;
    }

    private static List<string> Notes(XElement? doc, bool shouldProcess, string impact)
    {
        var notes = new List<string>();
        if (doc?.Element("remarks") is XElement remarks)
        {
            var paras = remarks.Elements("para").Select(DocComments.Text).Where(t => t.Length > 0).ToList();
            notes.AddRange(paras.Count > 0 ? paras : [DocComments.Text(remarks)]);
        }

        if (shouldProcess)
        {
            notes.Add($"This cmdlet changes remote state, so it supports -WhatIf and -Confirm (ConfirmImpact {impact}).");
        }

        notes.Add($"Connecting, pipelines, bulk runs, errors and the sandbox: Get-Help {AboutTopic}.");
        return notes.Where(n => n.Length > 0).ToList();
    }

    private static List<ExampleHelp> Examples(XElement? doc, string cmdlet)
    {
        var examples = new List<ExampleHelp>();
        foreach (XElement example in doc?.Elements("example") ?? [])
        {
            var code = example.Elements("code").Select(DocComments.Code).ToList();
            if (code.Count == 0)
            {
                throw new HelpGenException($"{cmdlet}: an <example> has no <code>.");
            }

            var paras = DocConventions.Paras(example, DocConventions.Description).ToList();
            string text = paras.Count > 0
                ? string.Join(" ", paras.Select(DocComments.Text))
                : DocComments.Text(new XElement("text", example.Nodes().Where(n => n is not XElement { Name.LocalName: "code" })));
            int number = examples.Count + 1;
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            (string title, string remarks) = colon is > 0 and <= 30 && !text[..colon].Contains('.', StringComparison.Ordinal)
                ? ($"Example {number}: {text[..colon].Trim()}", Capitalize(text[(colon + 1)..].Trim()))
                : ($"Example {number}", text);
            examples.Add(new ExampleHelp(title, string.Join("\n", code), remarks));
        }

        return examples;
    }

    private static List<LinkHelp> Links(XElement? doc, XElement? summary, IReadOnlyDictionary<string, string> cmdletNames)
    {
        var links = DocConventions.Paras(summary, DocConventions.Link).Select(p => new LinkHelp(DocComments.Text(p), (string?)p.Attribute("uri"))).ToList();
        foreach (XElement see in doc?.Elements("seealso") ?? [])
        {
            if ((string?)see.Attribute("cref") is string cref)
            {
                string target = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
                links.Add(new LinkHelp(cmdletNames.TryGetValue(target, out string? cmdletName) ? cmdletName : DocComments.ShortName(cref), null));
            }
            else if ((string?)see.Attribute("href") is string href)
            {
                string text = DocComments.Text(see);
                links.Add(new LinkHelp(text.Length > 0 ? text : href, href));
            }
        }

        links.Add(new LinkHelp(AboutTopic, null));
        return links.Where(l => l.Text.Length > 0).DistinctBy(l => l.Text).ToList();
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static IEnumerable<CustomAttributeData> Attributes(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.Where(a => a.AttributeType.FullName == Automation + name);

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value;

    private static IEnumerable<string> Strings(IEnumerable<CustomAttributeTypedArgument> arguments) =>
        arguments.SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> many
            ? many.Select(m => m.Value as string)
            : [arg.Value as string]).Where(s => s != null).Select(s => s!);

    private static Type Unwrap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

    /// <summary>System.String, System.Int32[], System.Collections.Generic.List[System.String] (full) or String, Int32[] (short).</summary>
    private static string TypeName(Type type, bool full)
    {
        type = Unwrap(type);
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, full) + "[]";
        }

        if (type.IsGenericType)
        {
            string definition = full ? type.GetGenericTypeDefinition().FullName! : type.Name;
            definition = definition[..definition.IndexOf('`', StringComparison.Ordinal)];
            return $"{definition}[{string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a, full)))}]";
        }

        return full ? (type.FullName ?? type.Name).Replace('+', '.') : type.Name;
    }
}
