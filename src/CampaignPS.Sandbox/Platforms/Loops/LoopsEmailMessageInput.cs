using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The validated body of an email message update.</summary>
internal sealed partial record LoopsEmailMessageInput(
    string ExpectedRevisionId,
    Optional<string> Subject,
    Optional<string> PreviewText,
    Optional<string> FromName,
    Optional<string> FromEmail,
    Optional<string> ReplyToEmail,
    Optional<string> Lmx)
{
    public Optional<string> EmailFormat { get; init; }

    public Optional<string> LanguageCode { get; init; }

    /// <summary>Per-key merge: a null value deletes the fallback.</summary>
    public IReadOnlyDictionary<string, string?> ContactPropertiesFallbacks { get; init; } = new Dictionary<string, string?>();

    public const int MaxLmxBytes = 100 * 1024;

    private static readonly string[] Fields =
        ["expectedRevisionId", "subject", "previewText", "fromName", "fromEmail", "replyToEmail", "lmx", "emailFormat", "languageCode", "contactPropertiesFallbacks"];

    public static LoopsEmailMessageInput Read(string text)
    {
        var body = JsonRequestBody.Parse(text, Fields);
        var expectedRevisionId = body.String("expectedRevisionId");
        if (!expectedRevisionId.IsSet || expectedRevisionId.Value.Length == 0)
        {
            throw PlatformErrorException.BadRequest(
                "expectedRevisionId is required: pass the contentRevisionId you last fetched.");
        }

        var fromEmail = body.String("fromEmail");
        if (fromEmail.IsSet && fromEmail.Value.Contains('@'))
        {
            throw PlatformErrorException.BadRequest(
                $"fromEmail must be the sender username only, without '@' or domain (got \"{fromEmail.Value}\").");
        }

        var replyToEmail = body.String("replyToEmail");
        if (replyToEmail.IsSet && replyToEmail.Value.Length > 0 && !EmailAddress().IsMatch(replyToEmail.Value))
        {
            throw PlatformErrorException.BadRequest(
                $"replyToEmail must be empty or a valid email address (got \"{replyToEmail.Value}\").");
        }

        var lmx = body.String("lmx");
        if (lmx.IsSet)
        {
            ValidateLmx(lmx.Value);
        }

        var emailFormat = body.String("emailFormat");
        if (emailFormat.IsSet && emailFormat.Value is not ("styled" or "plain"))
        {
            throw PlatformErrorException.BadRequest($"emailFormat must be \"styled\" or \"plain\" (got \"{emailFormat.Value}\").");
        }

        var languageCode = body.String("languageCode");
        if (languageCode.IsSet && !Regex.IsMatch(languageCode.Value, "^[a-z]{2}$"))
        {
            throw PlatformErrorException.BadRequest($"languageCode must be an ISO 639-1 code such as \"en\" (got \"{languageCode.Value}\").");
        }

        var fallbacks = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (body.Element("contactPropertiesFallbacks") is { IsSet: true, Value: var map })
        {
            if (map.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw PlatformErrorException.BadRequest("contactPropertiesFallbacks must be an object.");
            }
            foreach (var property in map.EnumerateObject())
            {
                fallbacks[property.Name] = property.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.Null => null,
                    System.Text.Json.JsonValueKind.String => property.Value.GetString(),
                    _ => throw PlatformErrorException.BadRequest($"contactPropertiesFallbacks.{property.Name} must be a string or null."),
                };
            }
        }

        return new LoopsEmailMessageInput(
            expectedRevisionId.Value,
            body.String("subject"),
            body.String("previewText"),
            body.String("fromName"),
            fromEmail,
            replyToEmail,
            lmx)
        {
            EmailFormat = emailFormat,
            LanguageCode = languageCode,
            ContactPropertiesFallbacks = fallbacks,
        };
    }

    // The sandbox does not know LMX components; it only insists on well-formed markup, which is
    // what a real compile failure usually comes down to.
    private static void ValidateLmx(string lmx)
    {
        if (Encoding.UTF8.GetByteCount(lmx) > MaxLmxBytes)
        {
            throw new PlatformErrorException(StatusCodes.Status413PayloadTooLarge, "LMX payload exceeds the 100KB limit.");
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader($"<lmx>{lmx}</lmx>"), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            throw new PlatformErrorException(StatusCodes.Status422UnprocessableEntity, $"LMX failed to compile: {e.Message}");
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
