using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>
/// Loops after create (API reference 1.21.6 and the 1.22.2 manifest): campaign metrics, Guardian checks,
/// previews, uploads and audience segment create.
/// </summary>
internal sealed partial class LoopsContentRoutes(LoopsSandboxState state)
{
    private static readonly string[] PreviewFields = ["emails", "contactProperties", "eventProperties", "dataVariables"];
    private static readonly string[] UploadFields = ["contentType", "contentLength"];
    private static readonly string[] SegmentFields = ["name", "description", "filter"];
    private static readonly string[] FilterFields = ["match", "conditions"];

    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/campaigns/{campaignId}/metrics", (string campaignId) => PlatformResponses.Json(Metrics(state.ViewMetrics(campaignId))));
        api.MapGet("/email-messages/{emailMessageId}/guardian", (string emailMessageId) => PlatformResponses.Json(Guardian(state.ViewEmailMessage(emailMessageId))));
        api.MapPost("/email-messages/{emailMessageId}/preview", Preview);
        api.MapPost("/uploads", CreateUpload);
        api.MapPost("/uploads/{emailAssetId}/complete", (string emailAssetId) => CompleteUpload(emailAssetId));
        api.MapPost("/audience-segments", CreateSegment);
    }

    /// <summary>The pre-signed PUT target, below /_sandbox/loops (storage needs no Loops key; the signature is the credential).</summary>
    public void MapStorage(IEndpointRouteBuilder control) =>
        control.MapPut("/uploads/{emailAssetId}", async (HttpContext context, string emailAssetId) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var stored = state.StoreUpload(emailAssetId, context.Request.Query["X-Amz-Signature"].ToString(),
                context.Request.ContentType, context.Request.ContentLength, buffer.ToArray(), context.Request.Headers.Authorization.ToString());
            return stored is null ? Results.Ok() : Results.Text(stored, "application/xml", statusCode: StatusCodes.Status403Forbidden);
        });

    // EmailMetricsResponse, top level (no success flag, like the other 1.21.6 answers' data).
    private static JsonObject Metrics(LoopsCampaignMetrics m) => new()
    {
        ["sends"] = m.Sends,
        ["opens"] = m.Opens,
        ["clicks"] = m.Clicks,
        ["unsubscribes"] = m.Unsubscribes,
        ["spamReports"] = m.SpamReports,
        ["hardBounces"] = m.HardBounces,
        ["softBounces"] = m.SoftBounces,
    };

    /// <summary>A small Guardian: button and link targets, contact properties and their fallbacks, e-mail addresses without mailto.</summary>
    private static JsonObject Guardian(LoopsEmailMessage message)
    {
        var errors = new JsonArray();
        var warnings = new JsonArray();
        var lmx = message.Lmx ?? "";
        var buttonsWithoutHref = Elements(lmx, "Button").Where(e => Href(e.Attributes) is null).Select(e => e.Text).ToArray();
        if (buttonsWithoutHref.Length > 0)
        {
            errors.Add(Rule("missingButtonHrefs", "Missing button link", "Buttons won't work without href value", buttonsWithoutHref));
        }
        var links = Elements(lmx, "Link").Concat(Elements(lmx, "a")).ToArray();
        var linksWithoutHref = links.Where(e => Href(e.Attributes) is null).Select(e => e.Text).ToArray();
        if (linksWithoutHref.Length > 0)
        {
            errors.Add(Rule("missingLinkHrefs", "Missing text link", "Links won't work without href value", linksWithoutHref));
        }
        var invalid = links.Concat(Elements(lmx, "Button"))
            .Where(e => Href(e.Attributes) is { } href && !IsValidHref(href) && !EmailAddress().IsMatch(href))
            .Select(e => e.Text).ToArray();
        if (invalid.Length > 0)
        {
            errors.Add(Rule("invalidLinkHrefs", "Invalid link", "Links must start with https://, http://, mailto: or tel:", invalid));
        }
        var bareEmails = links.Where(e => Href(e.Attributes) is { } href && EmailAddress().IsMatch(href)).Select(e => e.Text).ToArray();
        if (bareEmails.Length > 0)
        {
            warnings.Add(Rule("emailWithoutMailtoLinkHrefs", "Email link without mailto", "An e-mail address as a link target needs mailto: in front", bareEmails));
        }

        var properties = MergeTag().Matches(lmx).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToArray();
        var unsupported = properties.Where(p => !LoopsSandboxState.ContactProperties.Contains(p)).ToArray();
        if (unsupported.Length > 0)
        {
            errors.Add(Rule("unsupportedContactProperties", "Unsupported contact property", "These contact properties do not exist in your audience", unsupported, codeNames: true));
        }
        var withoutFallback = properties.Where(p => LoopsSandboxState.ContactProperties.Contains(p) && !message.ContactPropertiesFallbacks.ContainsKey(p) && p != "email").ToArray();
        if (withoutFallback.Length > 0)
        {
            warnings.Add(Rule("missingFallbackContactProperties", "Missing fallback", "Contacts without these properties will see an empty space", withoutFallback, codeNames: true));
        }
        return new JsonObject { ["errors"] = errors, ["warnings"] = warnings };
    }

    private IResult Preview(HttpContext context, string emailMessageId)
    {
        state.ViewEmailMessage(emailMessageId); // 404 first
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), PreviewFields);
        var emails = body.Strings("emails");
        if (!emails.IsSet || emails.Value.Count == 0)
        {
            throw PlatformErrorException.BadRequest("emails must hold at least one address.");
        }
        foreach (var email in emails.Value)
        {
            if (!EmailAddress().IsMatch(email))
            {
                throw PlatformErrorException.BadRequest($"\"{email}\" is not a valid email address.");
            }
        }
        if (body.Has("eventProperties") || body.Has("dataVariables"))
        {
            throw PlatformErrorException.BadRequest("Campaign previews accept contactProperties only; eventProperties and dataVariables cannot be referenced.");
        }
        var properties = body.NullableObjectJson("contactProperties");
        state.RecordPreview(emailMessageId, emails.Value, properties.IsSet ? properties.Value : null);
        return PlatformResponses.Json(new JsonObject { ["id"] = emailMessageId });
    }

    private IResult CreateUpload(HttpContext context)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), UploadFields);
        var type = body.String("contentType");
        var length = body.Integer("contentLength");
        if (!type.IsSet || !length.IsSet || length.Value <= 0)
        {
            throw PlatformErrorException.BadRequest("contentType and a positive contentLength are required.");
        }
        if (!LoopsSandboxState.UploadTypes.Contains(type.Value))
        {
            return PlatformResponses.Json(new JsonObject
            {
                ["message"] = "Unsupported content type.",
                ["supportedContentTypes"] = new JsonArray(LoopsSandboxState.UploadTypes.Select(t => (JsonNode)t).ToArray()),
            }, StatusCodes.Status400BadRequest);
        }
        if (length.Value > LoopsSandboxState.MaxUploadBytes)
        {
            return PlatformResponses.Json(new JsonObject
            {
                ["message"] = "Upload exceeds the maximum allowed size.",
                ["maxBytes"] = LoopsSandboxState.MaxUploadBytes,
            }, StatusCodes.Status413PayloadTooLarge);
        }
        var signature = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var upload = state.CreateUpload(type.Value, length.Value, signature);
        var request = context.Request;
        var presigned = $"{request.Scheme}://{request.Host}{SandboxControlRoutes.Prefix}/loops/uploads/{upload.Id}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature={signature}";
        return PlatformResponses.Json(new JsonObject { ["emailAssetId"] = upload.Id, ["presignedUrl"] = presigned });
    }

    private IResult CompleteUpload(string emailAssetId)
    {
        var (upload, limited) = state.CompleteUpload(emailAssetId);
        if (limited)
        {
            return PlatformResponses.Json(new JsonObject
            {
                ["message"] = $"Upload limit exceeded: max {LoopsSandboxState.MaxUploadsPerDay} uploads per 24 hours. Please contact support if you need to increase your upload limit.",
                ["maxUploads"] = LoopsSandboxState.MaxUploadsPerDay,
                ["windowHours"] = 24,
            }, StatusCodes.Status429TooManyRequests);
        }
        var extension = upload!.ContentType["image/".Length..].Replace("jpeg", "jpg");
        return PlatformResponses.Json(new JsonObject
        {
            ["emailAssetId"] = upload.Id,
            ["finalUrl"] = $"https://assets.loops.so/{upload.Id}/image.{extension}",
        });
    }

    private IResult CreateSegment(HttpContext context)
    {
        var body = JsonRequestBody.Parse(CapturedRequestBody.Of(context), SegmentFields);
        var name = body.String("name");
        if (!name.IsSet || string.IsNullOrWhiteSpace(name.Value) || name.Value.Length > 255)
        {
            throw PlatformErrorException.BadRequest("name is required (at most 255 characters).");
        }
        var description = body.NullableString("description");
        if (description is { IsSet: true, Value.Length: > 1000 })
        {
            throw PlatformErrorException.BadRequest("description must be at most 1000 characters.");
        }
        var filter = body.Object("filter", FilterFields);
        if (!filter.IsSet)
        {
            throw PlatformErrorException.BadRequest("filter is required.");
        }
        if (filter.Value.String("match").Value is not ("all" or "any"))
        {
            throw PlatformErrorException.BadRequest("filter.match must be \"all\" or \"any\".");
        }
        var conditions = filter.Value.ArrayJson("conditions");
        var count = conditions.IsSet ? JsonDocument.Parse(conditions.Value).RootElement.GetArrayLength() : 0;
        if (count == 0)
        {
            throw PlatformErrorException.BadRequest("filter.conditions must hold at least one condition.");
        }
        if (count > LoopsSandboxState.MaxSegmentConditions)
        {
            throw PlatformErrorException.BadRequest($"The filter has too many conditions (at most {LoopsSandboxState.MaxSegmentConditions}).");
        }
        var segment = state.CreateSegment(name.Value.Trim(), description.IsSet ? description.Value : null, filter.Value.RawJson);
        return PlatformResponses.Json(LoopsJson.Segment(segment));
    }

    private static JsonObject Rule(string rule, string title, string description, IEnumerable<string> labels, bool codeNames = false) => new()
    {
        ["rule"] = rule,
        ["title"] = title,
        ["description"] = description,
        ["items"] = new JsonArray(labels.Select(l => (JsonNode)(codeNames
            ? new JsonObject { ["label"] = l, ["codeName"] = l }
            : new JsonObject { ["label"] = l.Length == 0 ? "(no text)" : l })).ToArray()),
    };

    private static IEnumerable<(string Attributes, string Text)> Elements(string lmx, string tag) =>
        Regex.Matches(lmx, $"<{tag}(?<attrs>(\\s[^>]*)?)>(?<text>.*?)</{tag}>", RegexOptions.Singleline)
            .Select(m => (m.Groups["attrs"].Value, Regex.Replace(m.Groups["text"].Value, "<[^>]+>", "").Trim()));

    private static string? Href(string attributes) =>
        Regex.Match(attributes, "\\bhref\\s*=\\s*[\"'](?<v>[^\"']*)[\"']") is { Success: true } m && m.Groups["v"].Value.Trim().Length > 0
            ? m.Groups["v"].Value.Trim()
            : null;

    private static bool IsValidHref(string href) =>
        href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("{", StringComparison.Ordinal);

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex MergeTag();

    [GeneratedRegex(@"^[^@\s:/]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
