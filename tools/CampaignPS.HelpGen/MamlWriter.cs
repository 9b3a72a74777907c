using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CampaignPS.HelpGen;

/// <summary>
/// Writes PowerShell's MAML help format (helpItems schema="maml", one command:command per cmdlet), the
/// format Get-Help reads from &lt;AssemblyName&gt;.dll-Help.xml.
/// </summary>
internal static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static string Write(IEnumerable<CommandHelp> commands)
    {
        var root = new XElement(Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XComment(" Generated from the C# doc comments and cmdlet metadata by tools/CampaignPS.HelpGen; do not edit. "),
            commands.Select(CommandElement));
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static XElement CommandElement(CommandHelp help) =>
        new(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(item =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    item.Parameters.Select(p => Parameter(p.Parameter, p.Binding.Mandatory, p.Binding.Position, ParameterHelp.PipelineInput(p.Binding.ByValue, p.Binding.ByPropertyName), inSyntax: true))))),
            new XElement(Command + "parameters", help.Parameters.Select(p =>
                Parameter(p, p.Required, p.Position, ParameterHelp.PipelineInput(p.ByValue, p.ByPropertyName), inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", help.Notes.Select(Para))),
            new XElement(Command + "examples", help.Examples.Select(example =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                    new XElement(Dev + "code", example.Code),
                    new XElement(Dev + "remarks", Para(example.Remarks))))),
            new XElement(Command + "relatedLinks", help.Links.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", link.Uri ?? string.Empty)))));

    private static XElement Parameter(ParameterHelp parameter, bool required, int? position, string pipelineInput, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", required ? "true" : "false"),
            new XAttribute("variableLength", parameter.IsArray ? "true" : "false"),
            new XAttribute("globbing", parameter.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", pipelineInput),
            new XAttribute("position", position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description));

        // A switch shows as [-Force] in the syntax; other parameters show their value type or their allowed values.
        if (parameter.Values.Count > 0 && (inSyntax || !parameter.IsSwitch))
        {
            element.Add(new XElement(Command + "parameterValueGroup", parameter.Values.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
        }

        if (!inSyntax || !parameter.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", parameter.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", parameter.IsArray ? "true" : "false"),
                parameter.TypeDisplayName));
        }

        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", parameter.TypeName), new XElement(Maml + "uri")));
        if (parameter.IsSwitch)
        {
            element.Add(new XElement(Dev + "defaultValue", "False"));
        }

        return element;
    }

    private static XElement TypeElement(XName name, TypeHelp type) =>
        new(name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName), new XElement(Maml + "uri")),
            Description(type.Description));

    private static XElement Description(string text) => Description([text]);

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);
}
