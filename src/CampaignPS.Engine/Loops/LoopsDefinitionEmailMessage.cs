namespace CampaignPS.Engine.Loops;

/// <summary>The email message of a Loops definition; a null field is not managed.</summary>
public sealed class LoopsDefinitionEmailMessage
{
    /// <summary>Subject line.</summary>
    public string? Subject { get; set; }

    /// <summary>Preview text.</summary>
    public string? PreviewText { get; set; }

    /// <summary>Sender name.</summary>
    public string? FromName { get; set; }

    /// <summary>Sender user name (without @ and domain: Loops appends the team's sending domain).</summary>
    public string? FromEmail { get; set; }

    /// <summary>Reply-to address.</summary>
    public string? ReplyToEmail { get; set; }

    /// <summary>The body as LMX.</summary>
    public string? Lmx { get; set; }

    // A field the message does not have yet (a new campaign's message is empty) is written as null, so applying the
    // export never sends an empty sender, which the API refuses.
    internal static LoopsDefinitionEmailMessage FromLive(LoopsEmailMessage message) => new LoopsDefinitionEmailMessage
    {
        Subject = Given(message.Subject),
        PreviewText = Given(message.PreviewText),
        FromName = Given(message.FromName),
        // The API takes the user name only (email-messages update, fromEmail); an answer with the whole address is cut.
        FromEmail = Given(message.FromEmail?.Split('@')[0]),
        ReplyToEmail = Given(message.ReplyToEmail),
        Lmx = Given(message.Lmx),
    };

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
