namespace CampaignPS.Sandbox;

/// <summary>Thrown by route code to answer with the platform's error shape; the request pipeline writes it.</summary>
internal sealed class PlatformErrorException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static PlatformErrorException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static PlatformErrorException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static PlatformErrorException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
