using CampaignPS.Engine.Definitions;
using LoopsPlannedRequest = CampaignPS.Engine.Definitions.PlannedRequest<CampaignPS.Engine.Loops.LoopsClient, CampaignPS.Engine.Loops.LoopsCampaign, CampaignPS.Engine.Loops.LoopsPlanStep>;

namespace CampaignPS.Engine.Loops;

/// <summary>
/// What syncing a Loops definition does: create a campaign (when there is none), then update the campaign and its email
/// message where they differ, each request with its steps. Computed by <see cref="LoopsCampaignDiffer"/>; sends nothing
/// by itself, and never schedules or sends the campaign.
/// </summary>
public sealed class LoopsCampaignPlan : CampaignPlan<LoopsClient, LoopsCampaign, LoopsPlanStep>
{
    internal LoopsCampaignPlan(LoopsCampaign? live, NewLoopsCampaign? create, IReadOnlyList<LoopsPlanStep> steps, IReadOnlyList<LoopsPlannedRequest> requests)
        : base(LoopsDefinitionJson.Schema, create == null ? null : create.Validate, steps, requests)
    {
        Live = live;
        Create = create;
    }

    /// <summary>The campaign to update; null when the plan creates one.</summary>
    public string? CampaignId => Live?.Id;

    /// <summary>The campaign as read before planning; null when the plan creates one.</summary>
    public LoopsCampaign? Live { get; }

    /// <summary>The campaign to create first (POST /campaigns), or null.</summary>
    public NewLoopsCampaign? Create { get; }

    /// <summary>True when the campaign already matches.</summary>
    public bool IsEmpty => Create == null && Requests.Count == 0;

    /// <summary>Validates, then sends the whole plan in order (without PowerShell); returns the campaign as it was read or created.</summary>
    public async Task<LoopsCampaign> ApplyAsync(LoopsClient client, CancellationToken cancellationToken = default)
    {
        if (client == null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        Validate();
        LoopsCampaign target = Live ?? await client.CreateCampaignAsync(Create!, cancellationToken).ConfigureAwait(false);
        await SendRequestsAsync(client, target, cancellationToken).ConfigureAwait(false);
        return target;
    }
}
