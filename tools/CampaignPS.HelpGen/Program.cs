using System.Text;
using System.Xml.Linq;

namespace CampaignPS.HelpGen;

/// <summary>
/// Writes the module's MAML help (CampaignPS.dll-Help.xml) from the compiled assembly and its XML doc comments.
/// <code>
/// CampaignPS.HelpGen --module-root out/CampaignPS --framework net8.0=bin/Debug/net8.0/CampaignPS.dll [--framework ...]
/// </code>
/// For each framework it reads the assembly (metadata only) with the *.xml doc files beside it and writes
/// &lt;module-root&gt;/&lt;framework&gt;/CampaignPS.dll-Help.xml, next to the dll that the loader imports. The first
/// framework's help is also written to &lt;module-root&gt;/en-US/CampaignPS.dll-Help.xml. See <see cref="DocConventions"/>
/// for what the doc comments must contain.
/// </summary>
internal static class Program
{
    private const string HelpFileName = "CampaignPS.dll-Help.xml";

    public static int Main(string[] args)
    {
        try
        {
            (string moduleRoot, List<(string Framework, string Assembly)> frameworks) = ParseArguments(args);
            string? shared = null;
            foreach ((string framework, string assembly) in frameworks)
            {
                IReadOnlyList<CommandHelp> commands = CmdletReader.Read(assembly);
                if (commands.Count == 0)
                {
                    throw new HelpGenException($"{assembly} has no cmdlets.");
                }

                string maml = MamlWriter.Write(commands);
                Write(Path.Combine(moduleRoot, framework, HelpFileName), maml);
                if (shared == null)
                {
                    shared = maml;
                    Write(Path.Combine(moduleRoot, "en-US", HelpFileName), maml);
                }
                else if (shared != maml)
                {
                    Console.WriteLine($"CampaignPS.HelpGen: warning: the {framework} help differs from the {frameworks[0].Framework} help written to en-US.");
                }

                Console.WriteLine($"CampaignPS.HelpGen: {commands.Count} cmdlets -> {Path.Combine(moduleRoot, framework, HelpFileName)}");
            }

            return 0;
        }
        catch (HelpGenException failure)
        {
            Console.Error.WriteLine($"CampaignPS.HelpGen: error: {failure.Message}");
            return 1;
        }
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static (string ModuleRoot, List<(string Framework, string Assembly)> Frameworks) ParseArguments(string[] args)
    {
        string? moduleRoot = null;
        var frameworks = new List<(string, string)>();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new HelpGenException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--module-root":
                    moduleRoot = Path.GetFullPath(value);
                    break;
                case "--framework":
                    int equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new HelpGenException($"--framework takes <tfm>=<path to CampaignPS.dll>, not '{value}'.");
                    }

                    frameworks.Add((value[..equals], Path.GetFullPath(value[(equals + 1)..])));
                    break;
                default:
                    throw new HelpGenException($"Unknown argument {args[i]}. Usage: --module-root <dir> --framework <tfm>=<assembly> [--framework ...]");
            }

            i++;
        }

        if (moduleRoot == null || frameworks.Count == 0)
        {
            throw new HelpGenException("Usage: --module-root <dir> --framework <tfm>=<assembly> [--framework ...]");
        }

        return (moduleRoot, frameworks);
    }
}

/// <summary>A problem that stops the generator (reported as one line, exit code 1).</summary>
internal sealed class HelpGenException(string message) : Exception(message);

/// <summary>
/// The XML doc comment conventions the generator reads (the same para types as XmlDoc2CmdletDoc):
/// <list type="bullet">
/// <item>Cmdlet class <c>&lt;summary&gt;</c>: one <c>&lt;para type="synopsis"&gt;</c> and one or more
/// <c>&lt;para type="description"&gt;</c>; optionally <c>&lt;para type="link" uri="..."&gt;text&lt;/para&gt;</c>
/// (a related link) and <c>&lt;para type="outputs"&gt;</c> (added to every output type's description).</item>
/// <item>Cmdlet class <c>&lt;example&gt;</c> (one per example, at least two: one interactive, one bulk or
/// runbook): <c>&lt;para type="description"&gt;Interactive: what it does.&lt;/para&gt;</c> and
/// <c>&lt;code&gt;</c> with the PowerShell. The words before the first colon ("Interactive", "Bulk", "Runbook")
/// become the example's title; the rest is its remarks.</item>
/// <item>Cmdlet class <c>&lt;seealso cref="OtherCommand"/&gt;</c>: a related link to that cmdlet (by its cmdlet
/// name); <c>&lt;seealso href="https://..."&gt;text&lt;/seealso&gt;</c>: a link with an address. Every cmdlet also
/// links to about_CampaignPS.</item>
/// <item>Cmdlet class <c>&lt;remarks&gt;</c>: notes.</item>
/// <item>Parameter property <c>&lt;summary&gt;&lt;para type="description"&gt;</c> (the whole summary when there is
/// no description para). Inherited parameters are documented where they are declared; <c>&lt;inheritdoc/&gt;</c>
/// on an override reads the base declaration.</item>
/// <item>Output types: the type's own <c>&lt;summary&gt;</c> (from CampaignPS.xml or CampaignPS.Engine.xml).</item>
/// </list>
/// Everything else (syntax, parameter sets, Mandatory, Position, pipeline binding, aliases, wildcards,
/// ValidateSet and enum values, OutputType, -WhatIf/-Confirm) comes from the cmdlet metadata.
/// </summary>
internal static class DocConventions
{
    public const string Synopsis = "synopsis";
    public const string Description = "description";
    public const string Link = "link";
    public const string Outputs = "outputs";

    public static IEnumerable<XElement> Paras(XElement? parent, string type) =>
        parent?.Elements("para").Where(p => (string?)p.Attribute("type") == type) ?? [];
}
