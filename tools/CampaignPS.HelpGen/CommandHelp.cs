namespace CampaignPS.HelpGen;

/// <summary>Everything Get-Help shows for one cmdlet.</summary>
internal sealed record CommandHelp(
    string Name,
    string Verb,
    string Noun,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxItem> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<LinkHelp> Links);

/// <summary>One parameter set as Get-Help shows it: its parameters, each with the binding of that set.</summary>
internal sealed record SyntaxItem(string SetName, IReadOnlyList<(ParameterHelp Parameter, SetBinding Binding)> Parameters);

/// <summary>How a parameter binds in one parameter set (from one [Parameter] attribute).</summary>
internal sealed record SetBinding(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    public const string AllSets = "__AllParameterSets";
}

/// <summary>A parameter: its text from the doc comments, the rest from its attributes.</summary>
internal sealed record ParameterHelp(
    string Name,
    IReadOnlyList<string> Description,
    string TypeName,
    string TypeDisplayName,
    bool IsArray,
    bool IsSwitch,
    IReadOnlyList<string> Aliases,
    bool Globbing,
    IReadOnlyList<string> Values,
    IReadOnlyList<SetBinding> Sets,
    int Order)
{
    /// <summary>Mandatory in every parameter set the parameter belongs to.</summary>
    public bool Required => Sets.All(s => s.Mandatory);

    public int? Position => Sets.Select(s => s.Position).FirstOrDefault(p => p != null);

    public bool ByValue => Sets.Any(s => s.ByValue);

    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

    /// <summary>The pipelineInput text PowerShell's own help uses: False, True (ByValue), True (ByPropertyName), True (ByValue, ByPropertyName).</summary>
    public static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}

/// <summary>An input or output type with what it means here.</summary>
internal sealed record TypeHelp(string TypeName, string Description);

/// <summary>An example: title ("Example 1: Interactive"), the code, and what it does.</summary>
internal sealed record ExampleHelp(string Title, string Code, string Remarks);

/// <summary>A related link: a cmdlet or topic name, or text with an address.</summary>
internal sealed record LinkHelp(string Text, string? Uri);
