namespace CampaignPS.Engine.Loops;

/// <summary>
/// One text field of a definition's email message, in the file's order: its key, how to read and set it on the
/// definition, and how to set it on the update request. The writer, the reader and the differ go through this one list.
/// </summary>
internal sealed class LoopsMessageField
{
    private readonly Action<LoopsEmailMessageChanges, string> _apply;

    private LoopsMessageField(string key, Func<LoopsDefinitionEmailMessage, string?> read, Action<LoopsDefinitionEmailMessage, string?> write, Action<LoopsEmailMessageChanges, string> apply)
    {
        Key = key;
        Read = read;
        Write = write;
        _apply = apply;
    }

    /// <summary>Every field, in the file's order.</summary>
    public static IReadOnlyList<LoopsMessageField> All { get; } = new[]
    {
        new LoopsMessageField("subject", m => m.Subject, (m, v) => m.Subject = v, (c, v) => c.Subject = v),
        new LoopsMessageField("previewText", m => m.PreviewText, (m, v) => m.PreviewText = v, (c, v) => c.PreviewText = v),
        new LoopsMessageField("fromName", m => m.FromName, (m, v) => m.FromName = v, (c, v) => c.FromName = v),
        new LoopsMessageField("fromEmail", m => m.FromEmail, (m, v) => m.FromEmail = v, (c, v) => c.FromEmail = v),
        new LoopsMessageField("replyToEmail", m => m.ReplyToEmail, (m, v) => m.ReplyToEmail = v, (c, v) => c.ReplyToEmail = v),
        new LoopsMessageField("lmx", m => m.Lmx, (m, v) => m.Lmx = v, (c, v) => c.Lmx = v),
    };

    /// <summary>The key in the file, e.g. previewText.</summary>
    public string Key { get; }

    /// <summary>The field's value in a definition.</summary>
    public Func<LoopsDefinitionEmailMessage, string?> Read { get; }

    /// <summary>Sets the field in a definition.</summary>
    public Action<LoopsDefinitionEmailMessage, string?> Write { get; }

    /// <summary>Puts the value on the email message update.</summary>
    public void Apply(LoopsEmailMessageChanges changes, string value) => _apply(changes, value);
}
