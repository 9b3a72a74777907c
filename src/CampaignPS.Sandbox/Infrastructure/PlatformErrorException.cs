namespace CampaignPS.Sandbox;

/// <summary>Thrown by route code to answer with the platform's error shape; the request pipeline writes it
/// (through <see cref="ISandboxPlatform.ErrorBody(PlatformErrorException)"/>).</summary>
internal sealed class PlatformErrorException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The request field at fault, e.g. "name" or "newContacts[2].phoneNumber" (null: the request as a whole).
    /// Platforms with field-keyed error bodies (Outbox) use it; the others show only the message.</summary>
    public string? Field { get; init; }

    /// <summary>A machine-readable error code for platforms whose error bodies carry one (null: derived from the status).</summary>
    public string? Code { get; init; }

    public static PlatformErrorException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary>A 400 about one field; <paramref name="message"/> is the whole text shown by platforms without field keys.</summary>
    public static PlatformErrorException FieldError(string field, string message) =>
        new(StatusCodes.Status400BadRequest, message) { Field = field };

    public static PlatformErrorException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static PlatformErrorException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
