namespace CampaignPS.Engine.Loops;

/// <summary>
/// A Loops campaign's configuration as code: what Export-LoopsCampaign writes and Sync-LoopsCampaign applies. The file
/// is JSON (<see cref="LoopsDefinitionJson"/>): kind "LoopsCampaign", schemaVersion 1, then the name, the audience
/// (mailing list and audience segment by name, an audience filter), the campaign group by name, and the email message.
/// Names rather than ids, so a definition applies in another team whose lists and groups have the same names. Sending is
/// not part of it: scheduling sends mail, so it stays with Set-LoopsCampaign -ScheduleAt / -SendNow. A value left null is
/// not managed: syncing leaves it as the campaign has it.
/// </summary>
public sealed class LoopsCampaignDefinition
{
    /// <summary>The kind every Loops campaign definition names.</summary>
    public const string DefinitionKind = "LoopsCampaign";

    /// <summary>The schema version this module reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The campaign name (required).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The mailing list's name; null to leave it alone.</summary>
    public string? MailingList { get; set; }

    /// <summary>The audience segment's name; null to leave it alone.</summary>
    public string? AudienceSegment { get; set; }

    /// <summary>The audience filter as compact JSON ({"match", "conditions"}); null to leave it alone.</summary>
    public string? AudienceFilter { get; set; }

    /// <summary>The campaign group's name; null to leave it alone.</summary>
    public string? CampaignGroup { get; set; }

    /// <summary>The email message; null to leave it alone.</summary>
    public LoopsDefinitionEmailMessage? EmailMessage { get; set; }

    /// <summary>Reads a definition file's text; every schema problem names its JSON path and the fix.</summary>
    /// <exception cref="InputValidationException">ErrorId LoopsDefinitionInvalid, Field the JSON path (e.g. $.emailMessage.subject).</exception>
    public static LoopsCampaignDefinition Parse(string json) => LoopsDefinitionJson.Read(json);

    /// <summary>The definition as a file's text: two-space indentation, \n line ends, keys in a fixed order.</summary>
    public string ToJson() => LoopsDefinitionJson.Write(this);

    /// <summary>The definition of a live campaign (what Export-LoopsCampaign writes): ids turned into names with <paramref name="names"/>.</summary>
    public static LoopsCampaignDefinition FromLive(LoopsCampaignSnapshot live, LoopsNames names)
    {
        if (live == null || names == null)
        {
            throw new ArgumentNullException(live == null ? nameof(live) : nameof(names));
        }

        LoopsCampaign campaign = live.Campaign;
        return new LoopsCampaignDefinition
        {
            Name = campaign.Name,
            MailingList = names.MailingLists.NameOf(campaign.MailingListId),
            AudienceSegment = names.AudienceSegments.NameOf(campaign.AudienceSegmentId),
            AudienceFilter = string.IsNullOrWhiteSpace(campaign.AudienceFilter) ? null : LoopsDefinitionJson.Compact(campaign.AudienceFilter!),
            CampaignGroup = names.CampaignGroups.NameOf(campaign.CampaignGroupId),
            EmailMessage = live.EmailMessage == null ? null : LoopsDefinitionEmailMessage.FromLive(live.EmailMessage),
        };
    }
}
