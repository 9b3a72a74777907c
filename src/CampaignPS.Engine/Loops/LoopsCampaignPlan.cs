using LoopsPlannedRequest = CampaignPS.Engine.Definitions.PlannedRequest<CampaignPS.Engine.Loops.LoopsClient, CampaignPS.Engine.Loops.LoopsCampaign, CampaignPS.Engine.Loops.LoopsPlanStep>;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// What syncing a Loops definition does: create a campaign (when there is none), then update the campaign and its email
/// message where they differ, each request with its steps. Computed by <see cref="LoopsCampaignDiffer"/>; sends nothing
/// by itself, and never schedules or sends the campaign.
/// </summary>
public sealed class LoopsCampaignPlan
{
    internal LoopsCampaignPlan(LoopsCampaign? live, NewLoopsCampaign? create, IReadOnlyList<LoopsPlanStep> steps, IReadOnlyList<LoopsPlannedRequest> requests)
    {
        Live = live;
        CampaignId = live?.Id;
        Create = create;
        Steps = steps;
        Requests = requests;
    }

    /// <summary>The campaign to update; null when the plan creates one.</summary>
    public string? CampaignId { get; }

    /// <summary>The campaign as read before planning; null when the plan creates one.</summary>
    public LoopsCampaign? Live { get; }

    /// <summary>The campaign to create first (POST /campaigns), or null.</summary>
    public NewLoopsCampaign? Create { get; }

    /// <summary>Every step, numbered from 1: the create (if any), then each change in the order it is sent.</summary>
    public IReadOnlyList<LoopsPlanStep> Steps { get; }

    /// <summary>The requests after the create, in the order they are sent: the campaign update, then the email message update.</summary>
    public IReadOnlyList<LoopsPlannedRequest> Requests { get; }

    /// <summary>True when the campaign already matches.</summary>
    public bool IsEmpty => Create == null && Requests.Count == 0;

    /// <summary>Runs every request's Validate (and the create's) before anything is sent.</summary>
    /// <exception cref="InputValidationException">LoopsDefinitionInvalid naming the definition's section.</exception>
    public void Validate()
    {
        if (Create != null)
        {
            LoopsDefinitionJson.Schema.CheckRequest("$", Create.Validate, field: "$.name");
        }

        foreach (LoopsPlannedRequest request in Requests)
        {
            request.Validate();
        }
    }

    /// <summary>Validates, then sends the whole plan in order (without PowerShell); returns the campaign as it was read or created.</summary>
    public async Task<LoopsCampaign> ApplyAsync(LoopsClient client, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        Validate();
        LoopsCampaign target = Live ?? await client.CreateCampaignAsync(Create!, cancellationToken).ConfigureAwait(false);
        foreach (LoopsPlannedRequest request in Requests)
        {
            await request.SendAsync(client, target, cancellationToken).ConfigureAwait(false);
        }

        return target;
    }
}
