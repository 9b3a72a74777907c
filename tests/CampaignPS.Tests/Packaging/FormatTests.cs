using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CampaignPS.Tests.Support;
using CampaignPS.Tests.Surface;
using Xunit;

namespace CampaignPS.Tests.Packaging;

/// <summary>
/// The formatting file the module ships (out/CampaignPS/CampaignPS.Format.ps1xml): loaded by the
/// manifest, a table view for every type a cmdlet declares with [OutputType], columns that name
/// real properties, a readable number of them, and none that could show a secret.
/// </summary>
public sealed class FormatTests : IClassFixture<SurfaceFixture>
{
    private const string FileName = "CampaignPS.Format.ps1xml";
    private const int MinColumns = 4;
    private const int MaxColumns = 6;
    private static readonly Regex SecretLike = new("Key|Token|Secret|Password", RegexOptions.IgnoreCase);
    private static readonly Regex PropertyReference = new(@"\$_\.(?<name>\w+)");

    private readonly CmdletSurface _surface;

    public FormatTests(SurfaceFixture fixture) => _surface = fixture.Surface;

    private static string ShippedPath => Path.Combine(BuildPaths.ModuleFolder, FileName);

    [Fact]
    public void The_module_folder_ships_the_format_file_and_it_is_well_formed_XML()
    {
        Assert.True(File.Exists(ShippedPath), $"{ShippedPath} is missing: is it in _ModuleRootFiles in CampaignPS.csproj?");
        string source = Path.Combine(BuildPaths.RepositoryRoot, "src", "CampaignPS", FileName);
        Assert.Equal(File.ReadAllText(source), File.ReadAllText(ShippedPath));
        XDocument document = XDocument.Load(ShippedPath);
        Assert.Equal("Configuration", document.Root!.Name.LocalName);
        Assert.NotEmpty(Views());
    }

    [Fact]
    public void The_manifest_loads_the_format_file()
    {
        foreach (string manifestPath in new[] { BuildPaths.ManifestPath, Path.Combine(BuildPaths.ModuleFolder, "CampaignPS.psd1") })
        {
            var formats = ModuleSurfaceTests.ManifestList(File.ReadAllText(manifestPath), "FormatsToProcess");
            Assert.Equal([FileName], formats);
        }
    }

    [Fact]
    public void Every_module_output_type_has_a_table_view()
    {
        var outputs = _surface.Cmdlets
            .SelectMany(c => c.OutputTypes.Select(o => (Cmdlet: c.Name, Type: o)))
            .Where(o => IsModuleType(o.Type))
            .ToList();
        Assert.NotEmpty(outputs);
        var tables = Views().Where(v => v.Table != null).SelectMany(v => v.TypeNames).ToHashSet(StringComparer.Ordinal);
        var missing = outputs.Where(o => !tables.Contains(o.Type)).Select(o => $"{o.Type} (output of {o.Cmdlet}) has no table view").Distinct().ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_view_selects_one_module_type_and_names_only_its_public_properties()
    {
        var problems = new List<string>();
        foreach (View view in Views())
        {
            if (view.TypeNames.Count != 1)
            {
                problems.Add($"view {view.Name} selects {view.TypeNames.Count} types, not one");
                continue;
            }

            Type type;
            try
            {
                type = _surface.FindType(view.TypeNames[0]);
            }
            catch (KeyNotFoundException)
            {
                problems.Add($"view {view.Name} selects {view.TypeNames[0]}, which is not a type of the module");
                continue;
            }

            foreach (Item item in view.Items)
            {
                foreach (string property in item.Properties)
                {
                    if (type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) == null)
                    {
                        problems.Add($"view {view.Name}, {item.Label}: {type.Name} has no public property {property}");
                    }
                }

                if (item.PropertyName == null && item.Properties.Count == 0)
                {
                    problems.Add($"view {view.Name}, {item.Label}: neither a PropertyName nor a script block that reads $_.<property>");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_table_has_four_to_six_columns_with_one_header_each()
    {
        var problems = new List<string>();
        foreach (View view in Views().Where(v => v.Table != null))
        {
            XElement table = view.Table!;
            var headers = table.Element("TableHeaders")?.Elements("TableColumnHeader").ToList() ?? [];
            var rows = table.Element("TableRowEntries")?.Elements("TableRowEntry").ToList() ?? [];
            if (headers.Count < MinColumns || headers.Count > MaxColumns)
            {
                problems.Add($"view {view.Name} has {headers.Count} columns, not {MinColumns} to {MaxColumns}");
            }

            if (rows.Count == 0)
            {
                problems.Add($"view {view.Name} has no TableRowEntry");
            }

            foreach (XElement row in rows)
            {
                int items = row.Element("TableColumnItems")?.Elements("TableColumnItem").Count() ?? 0;
                if (items != headers.Count)
                {
                    problems.Add($"view {view.Name} has {headers.Count} headers but {items} column items");
                }
            }

            foreach (XElement header in headers)
            {
                string? width = header.Element("Width")?.Value;
                if (width != null && (!int.TryParse(width, out int w) || w <= 0))
                {
                    problems.Add($"view {view.Name}: width '{width}' is not a positive number");
                }

                string? alignment = header.Element("Alignment")?.Value;
                if (alignment != null && alignment is not ("Left" or "Right" or "Center"))
                {
                    problems.Add($"view {view.Name}: alignment '{alignment}' is not Left, Right or Center");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Views_use_only_elements_PowerShell_knows()
    {
        // A misspelt element makes Update-FormatData reject the file when the module is imported.
        var known = new Dictionary<string, string[]>
        {
            ["TableColumnHeader"] = ["Label", "Width", "Alignment"],
            ["TableColumnItem"] = ["PropertyName", "ScriptBlock", "FormatString", "Alignment"],
            ["ListItem"] = ["Label", "PropertyName", "ScriptBlock", "FormatString", "ItemSelectionCondition"],
            ["View"] = ["Name", "ViewSelectedBy", "GroupBy", "TableControl", "ListControl", "WideControl", "CustomControl", "OutOfBand"],
        };
        var problems = XDocument.Load(ShippedPath).Descendants()
            .Where(e => e.Parent != null && known.ContainsKey(e.Parent.Name.LocalName) && !known[e.Parent.Name.LocalName].Contains(e.Name.LocalName))
            .Select(e => $"<{e.Name.LocalName}> inside <{e.Parent!.Name.LocalName}>")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_column_could_show_a_secret()
    {
        var problems = Views()
            .SelectMany(v => v.Items.SelectMany(i => i.Properties.Append(i.Label)).Where(n => SecretLike.IsMatch(n)).Select(n => $"view {v.Name} shows {n}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private bool IsModuleType(string fullName)
    {
        string? assembly = _surface.FindType(fullName).Assembly.GetName().Name;
        return assembly != null && assembly.StartsWith("CampaignPS", StringComparison.Ordinal);
    }

    private static List<View> Views()
    {
        XElement definitions = XDocument.Load(ShippedPath).Root!.Element("ViewDefinitions")
            ?? throw new InvalidOperationException($"{FileName} has no ViewDefinitions");
        return definitions.Elements("View").Select(View.Read).ToList();
    }

    private sealed record Item(string Label, string? PropertyName, IReadOnlyList<string> Properties);

    private sealed record View(string Name, IReadOnlyList<string> TypeNames, XElement? Table, IReadOnlyList<Item> Items)
    {
        public static View Read(XElement view)
        {
            string name = view.Element("Name")?.Value ?? "(unnamed)";
            var typeNames = view.Element("ViewSelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()).ToList() ?? [];
            XElement? table = view.Element("TableControl");
            var items = new List<Item>();
            if (table != null)
            {
                var labels = table.Element("TableHeaders")?.Elements("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList() ?? [];
                var columns = table.Descendants("TableColumnItem").ToList();
                items.AddRange(columns.Select((c, i) => ReadItem(c, i < labels.Count ? labels[i] : null)));
            }

            items.AddRange(view.Descendants("ListItem").Select(l => ReadItem(l, l.Element("Label")?.Value)));
            return new View(name, typeNames, table, items);
        }

        private static Item ReadItem(XElement item, string? label)
        {
            string? property = item.Element("PropertyName")?.Value.Trim();
            string? script = item.Element("ScriptBlock")?.Value;
            List<string> properties = property != null
                ? [property]
                : PropertyReference.Matches(script ?? string.Empty).Select(m => m.Groups["name"].Value).Distinct().ToList();
            return new Item(label ?? property ?? "(no label)", property, properties);
        }
    }
}
