namespace CampaignPS.Engine.Definitions;

/// <summary>
/// What sets one platform's definition file apart: its kind ("SmartleadCampaign", "LoopsCampaign"), the schema version
/// this module reads and writes, the error id of every schema problem and the cmdlets named in the fixes. The platform's
/// keys and sections stay in its own folder; this only carries what the shared reader and writer need to name.
/// </summary>
internal sealed class DefinitionSchema
{
    /// <summary>The schema of <paramref name="platform"/>'s campaign definitions (kind PlatformCampaign).</summary>
    public DefinitionSchema(string platform, int version, string exampleName)
    {
        Platform = platform;
        Version = version;
        ExampleName = exampleName;
        Kind = platform + "Campaign";
        ErrorId = platform + "DefinitionInvalid";
        ExportCommand = "Export-" + Kind;
        SyncCommand = "Sync-" + Kind;
    }

    /// <summary>The platform's display name, e.g. Loops.</summary>
    public string Platform { get; }

    /// <summary>The kind every definition of the platform names.</summary>
    public string Kind { get; }

    /// <summary>The schema version this module reads and writes.</summary>
    public int Version { get; }

    /// <summary>The error id of a definition that does not match the schema, e.g. LoopsDefinitionInvalid.</summary>
    public string ErrorId { get; }

    /// <summary>The cmdlet that writes such files.</summary>
    public string ExportCommand { get; }

    /// <summary>The cmdlet that applies them.</summary>
    public string SyncCommand { get; }

    /// <summary>A campaign name for the examples in error messages.</summary>
    public string ExampleName { get; }

    /// <summary>A schema problem at <paramref name="path"/> (the exception's Field), with the fix in the message.</summary>
    public InputValidationException Fail(string path, string message) => new InputValidationException(ErrorId, path, message);

    /// <summary>
    /// Runs a planned request's own check; its failure becomes a schema problem of the definition's
    /// <paramref name="section"/> (Field <paramref name="field"/>, by default the section), so the fix names the file.
    /// </summary>
    public void CheckRequest(string section, Action validate, string? field = null)
    {
        try
        {
            validate();
        }
        catch (InputValidationException e) when (e.ErrorId != ErrorId)
        {
            throw Fail(field ?? section, $"{section}: {e.Message} Correct the definition file.");
        }
    }
}
