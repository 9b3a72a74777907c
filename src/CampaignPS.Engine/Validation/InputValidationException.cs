namespace CampaignPS.Engine.Validation;

/// <summary>
/// Input that the engine refused before sending anything. The message names the field,
/// the value that was wrong and what to do instead.
/// </summary>
public sealed class InputValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InputValidationException(string errorId, string field, string message)
        : base(message, field)
    {
        ErrorId = errorId;
        Field = field;
    }

    /// <summary>Stable identifier such as <c>LoopsInvalidScheduleAt</c>.</summary>
    public string ErrorId { get; }

    /// <summary>The field (parameter) at fault.</summary>
    public string Field { get; }

    /// <summary>The message without the "(Parameter 'x')" suffix ArgumentException appends.</summary>
    public override string Message => base.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0];
}
