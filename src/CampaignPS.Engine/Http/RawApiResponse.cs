using System.Net;

namespace CampaignPS.Engine.Http;

/// <summary>The answer to a request made through the escape hatch (Invoke-*Request): status and body as text.</summary>
public sealed class RawApiResponse
{
    internal RawApiResponse(HttpStatusCode statusCode, string body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status (a success: failures are thrown as CampaignApiException).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response body, usually JSON; empty when there was none.</summary>
    public string Body { get; }
}
