namespace CampaignPS.Sandbox;

/// <summary>The request body, read once by the pipeline (for the request log) and shared with the route.</summary>
internal sealed class CapturedRequestBody(string text)
{
    public string Text { get; } = text;

    public static string Of(HttpContext context) =>
        context.Features.Get<CapturedRequestBody>()?.Text
        ?? throw new InvalidOperationException("The platform request pipeline did not capture the request body.");
}
