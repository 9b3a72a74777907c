using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox.Platforms.Loops;

/// <summary>Builds the JSON bodies of Loops responses.</summary>
internal static class LoopsJson
{
    public static JsonObject Success(JsonObject body)
    {
        body.Insert(0, "success", true);
        return body;
    }

    public static JsonObject Error(string message) => new() { ["success"] = false, ["message"] = message };

    /// <summary>
    /// The campaign object. Current: <c>id</c> + <c>url</c> (newer spec); Legacy: <c>campaignId</c> (older docs);
    /// Sparse: <c>id</c> and only the fields a strict reader cannot do without (no audience, group or scheduling),
    /// the answer that a client must fill from what it sent.
    /// </summary>
    public static JsonObject Campaign(LoopsCampaignView view, LoopsCreateShape shape)
    {
        var (campaign, emailMessage) = view;
        var body = shape == LoopsCreateShape.Legacy
            ? new JsonObject { ["campaignId"] = campaign.Id }
            : new JsonObject { ["id"] = campaign.Id, ["url"] = $"https://app.loops.so/campaigns/{campaign.Id}" };
        if (shape == LoopsCreateShape.Sparse)
        {
            body["name"] = campaign.Name;
            body["status"] = campaign.Status;
            body["emailMessageId"] = campaign.EmailMessageId;
            body["emailMessageContentRevisionId"] = emailMessage.ContentRevisionId;
            return body;
        }

        body["name"] = campaign.Name;
        body["status"] = campaign.Status;
        body["createdAt"] = Timestamp(campaign.CreatedAt);
        body["updatedAt"] = Timestamp(campaign.UpdatedAt);
        body["emailMessageId"] = campaign.EmailMessageId;
        body["emailMessageContentRevisionId"] = emailMessage.ContentRevisionId;
        body["mailingListId"] = campaign.MailingListId;
        body["audienceSegmentId"] = campaign.AudienceSegmentId;
        body["audienceFilter"] = campaign.AudienceFilterJson is { } filter ? JsonNode.Parse(filter) : null;
        body["campaignGroupId"] = campaign.CampaignGroupId;
        body["scheduling"] = campaign.Scheduling is { } scheduling
            ? new JsonObject
            {
                ["method"] = scheduling.Method,
                ["timestamp"] = scheduling.Timestamp is { } at ? Timestamp(at) : null,
            }
            : null;
        return body;
    }

    /// <summary>A campaign in a list: the campaign object plus the subject (the spec's CampaignListItem).</summary>
    public static JsonObject CampaignListItem(LoopsCampaignView view, LoopsCreateShape shape)
    {
        var body = Campaign(view, shape);
        body["subject"] = view.EmailMessage.Subject;
        return body;
    }

    public static JsonObject EmailMessage(LoopsEmailMessage message) => new JsonObject
    {
        ["emailMessageId"] = message.Id,
        ["campaignId"] = message.CampaignId,
        ["subject"] = message.Subject,
        ["previewText"] = message.PreviewText,
        ["fromName"] = message.FromName,
        ["fromEmail"] = message.FromEmail,
        ["replyToEmail"] = message.ReplyToEmail,
        // Required in 1.21.6's EmailMessageResponse; the sandbox's messages are all LMX, which Loops renders styled.
        ["emailFormat"] = message.EmailFormat,
        ["lmx"] = message.Lmx,
        ["contentRevisionId"] = message.ContentRevisionId,
        ["updatedAt"] = Timestamp(message.UpdatedAt),
    }.WithOptional("languageCode", message.LanguageCode)
     .WithOptional("contactPropertiesFallbacks", message.ContactPropertiesFallbacks.Count == 0 ? null
        : new JsonObject(message.ContactPropertiesFallbacks.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))));

    // 1.21.6: languageCode and the fallbacks are "only present when set".
    private static JsonObject WithOptional(this JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
        return body;
    }

    public static JsonObject Group(LoopsCampaignGroup group) => new()
    {
        ["id"] = group.Id,
        ["name"] = group.Name,
        ["description"] = group.Description,
        ["createdAt"] = Timestamp(group.CreatedAt),
    };

    public static JsonObject Segment(LoopsAudienceSegment segment) => new JsonObject
    {
        ["id"] = segment.Id,
        ["name"] = segment.Name,
        ["description"] = segment.Description,
        ["createdAt"] = Timestamp(segment.CreatedAt),
    }.WithOptional("filter", segment.FilterJson is { } filter ? JsonNode.Parse(filter) : null);

    public static JsonObject MailingList(LoopsMailingList list) => new()
    {
        ["id"] = list.Id,
        ["name"] = list.Name,
        ["description"] = list.Description,
        ["isPublic"] = list.IsPublic,
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
