namespace CampaignPS.Engine.Definitions;

/// <summary>What one step of a campaign plan does.</summary>
public enum PlanAction
{
    /// <summary>A new campaign is created.</summary>
    Create,
    /// <summary>A value is set or changed.</summary>
    Set,
    /// <summary>Something is added (a step, a variant, a mailbox, a webhook).</summary>
    Add,
    /// <summary>Something is removed.</summary>
    Remove,
}
