using System.Globalization;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>The validated body of a campaign create or update. Checks that need stored data
/// (do the referenced ids exist, is the campaign a draft) are left to <see cref="LoopsSandboxState"/>.</summary>
internal sealed record LoopsCampaignInput(
    Optional<string> Name,
    Optional<string?> MailingListId,
    Optional<string?> AudienceSegmentId,
    Optional<string?> AudienceFilterJson,
    Optional<string> CampaignGroupId,
    Optional<LoopsScheduling> Scheduling)
{
    public const int MaxNameLength = 255;

    private static readonly string[] Fields =
        ["name", "mailingListId", "audienceSegmentId", "audienceFilter", "campaignGroupId", "scheduling"];

    private static readonly string[] AudienceFilterFields = ["match", "conditions"];
    private static readonly string[] SchedulingFields = ["method", "timestamp"];

    private static readonly string[] IsoTimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public bool IsEmpty =>
        !(Name.IsSet || CampaignGroupId.IsSet || ChangesMoreThanNameOrGroup);

    /// <summary>Whether the input touches fields that only a draft campaign may change.</summary>
    public bool ChangesMoreThanNameOrGroup =>
        MailingListId.IsSet || AudienceSegmentId.IsSet || AudienceFilterJson.IsSet || Scheduling.IsSet;

    public static LoopsCampaignInput ForCreate(string body, DateTimeOffset now)
    {
        var input = Read(body, now);
        return input.Name.IsSet ? input : throw PlatformErrorException.BadRequest("name is required.");
    }

    public static LoopsCampaignInput ForUpdate(string body, DateTimeOffset now)
    {
        var input = Read(body, now);
        return input.IsEmpty
            ? throw PlatformErrorException.BadRequest($"At least one field must be provided: {string.Join(", ", Fields)}.")
            : input;
    }

    private static LoopsCampaignInput Read(string text, DateTimeOffset now)
    {
        var body = JsonRequestBody.Parse(text, Fields);
        var name = body.String("name");
        if (name.IsSet)
        {
            ValidateName(name.Value);
        }
        return new LoopsCampaignInput(
            name,
            body.NullableString("mailingListId"),
            body.NullableString("audienceSegmentId"),
            ReadAudienceFilter(body),
            body.String("campaignGroupId"),
            ReadScheduling(body, now));
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw PlatformErrorException.BadRequest("name must not be empty.");
        }
        if (name.Length > MaxNameLength)
        {
            throw PlatformErrorException.BadRequest($"name must be at most {MaxNameLength} characters (got {name.Length}).");
        }
    }

    private static Optional<string?> ReadAudienceFilter(JsonRequestBody body)
    {
        var filter = body.NullableObject("audienceFilter", AudienceFilterFields);
        if (filter is not { IsSet: true, Value: { } value })
        {
            return filter.IsSet ? Optional<string?>.Of(null) : Optional<string?>.Unset;
        }

        var match = value.String("match");
        if (match.Value is not ("all" or "any"))
        {
            throw PlatformErrorException.BadRequest($"{value.FieldName("match")} must be \"all\" or \"any\".");
        }
        if (!value.ArrayJson("conditions").IsSet)
        {
            throw PlatformErrorException.BadRequest($"{value.FieldName("conditions")} is required.");
        }
        return Optional<string?>.Of(value.RawJson);
    }

    private static Optional<LoopsScheduling> ReadScheduling(JsonRequestBody body, DateTimeOffset now)
    {
        var scheduling = body.Object("scheduling", SchedulingFields);
        if (!scheduling.IsSet)
        {
            return Optional<LoopsScheduling>.Unset;
        }

        var fields = scheduling.Value;
        var method = fields.String("method");
        var timestamp = fields.String("timestamp");
        switch (method.Value)
        {
            case "now":
                return Optional<LoopsScheduling>.Of(new LoopsScheduling("now", null));
            case "schedule":
                if (!timestamp.IsSet)
                {
                    throw PlatformErrorException.BadRequest(
                        $"{fields.FieldName("timestamp")} is required when {fields.FieldName("method")} is \"schedule\".");
                }
                if (!DateTimeOffset.TryParseExact(
                        timestamp.Value, IsoTimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                {
                    throw PlatformErrorException.BadRequest(
                        $"{fields.FieldName("timestamp")} must be an ISO-8601 date-time such as 2030-01-31T09:00:00Z (got \"{timestamp.Value}\").");
                }
                if (when <= now)
                {
                    throw PlatformErrorException.BadRequest(
                        $"{fields.FieldName("timestamp")} must be in the future (got \"{timestamp.Value}\").");
                }
                return Optional<LoopsScheduling>.Of(new LoopsScheduling("schedule", when.ToUniversalTime()));
            default:
                throw PlatformErrorException.BadRequest(
                    $"{fields.FieldName("method")} must be \"now\" or \"schedule\" (got {(method.IsSet ? $"\"{method.Value}\"" : "nothing")}).");
        }
    }
}
