using CampaignPS.Engine.Definitions;

namespace CampaignPS.Engine.Loops;

/// <summary>One difference between a Loops definition and the live campaign (Sync-LoopsCampaign -WhatIf).</summary>
public sealed class LoopsPlanStep : PlanStep
{
    /// <summary>The campaign changed; null while it is still to be created.</summary>
    public string? CampaignId { get; internal set; }
}
