using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CampaignPS.HelpGen;

/// <summary>The members of the compiler's XML doc files (CampaignPS.xml, CampaignPS.Engine.xml) by doc id.</summary>
internal sealed partial class DocComments
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    /// <summary>Reads every &lt;name&gt;.xml doc file that sits beside a &lt;name&gt;.dll in <paramref name="folder"/>.</summary>
    public static DocComments Load(string folder)
    {
        var docs = new DocComments();
        foreach (string dll in Directory.GetFiles(folder, "*.dll"))
        {
            string xml = Path.ChangeExtension(dll, ".xml");
            if (!File.Exists(xml))
            {
                continue;
            }

            XDocument document;
            try
            {
                document = XDocument.Load(xml, LoadOptions.PreserveWhitespace);
            }
            catch (XmlException)
            {
                continue;
            }

            if (document.Root?.Name != "doc")
            {
                continue;
            }

            foreach (XElement member in document.Root.Elements("members").Elements("member"))
            {
                if ((string?)member.Attribute("name") is string name)
                {
                    docs._members[name] = member;
                }
            }
        }

        return docs;
    }

    public XElement? Type(Type type) => _members.GetValueOrDefault("T:" + DocName(type));

    /// <summary>The property's doc, following &lt;inheritdoc/&gt; (or a missing doc) to the overridden declaration.</summary>
    public XElement? Property(PropertyInfo property)
    {
        for (Type? declaring = property.DeclaringType; declaring != null; declaring = declaring.BaseType)
        {
            if (declaring.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) == null)
            {
                continue;
            }

            XElement? member = _members.GetValueOrDefault("P:" + DocName(declaring) + "." + property.Name);
            if (member != null && member.Element("inheritdoc") == null)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>The doc id form of a type name: generic definitions keep `N, nested types use '.'.</summary>
    public static string DocName(Type type)
    {
        if (type.IsConstructedGenericType)
        {
            type = type.GetGenericTypeDefinition();
        }

        return (type.FullName ?? type.Name).Replace('+', '.');
    }

    /// <summary>Doc comment markup as plain text: see/c/paramref rendered as words, white space collapsed.</summary>
    public static string Text(XElement? element)
    {
        if (element == null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Append(text, element);
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>The text of a &lt;code&gt; block: the lines as written, with the common indentation removed.</summary>
    public static string Code(XElement code)
    {
        var lines = code.Value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    private static void Append(StringBuilder text, XElement element)
    {
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    if ((string?)see.Attribute("cref") is string cref)
                    {
                        text.Append(see.IsEmpty ? ShortName(cref) : see.Value);
                    }
                    else if ((string?)see.Attribute("langword") is string word)
                    {
                        text.Append(word);
                    }
                    else
                    {
                        text.Append(see.IsEmpty ? (string?)see.Attribute("href") : see.Value);
                    }

                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append((string?)reference.Attribute("name"));
                    break;
                case XElement { Name.LocalName: "para" } para:
                    text.Append(' ');
                    Append(text, para);
                    text.Append(' ');
                    break;
                case XElement other:
                    Append(text, other);
                    break;
            }
        }
    }

    /// <summary>"T:CampaignPS.Engine.Loops.LoopsClient" → "LoopsClient"; "M:A.B.C(System.String)" → "C".</summary>
    public static string ShortName(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }

        name = name[(name.LastIndexOf('.') + 1)..];
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? name[..tick] : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
