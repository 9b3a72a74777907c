namespace CampaignPS.Engine.Http;

/// <summary>
/// How many times one call's request went out, and whether it went again after an attempt the server may have
/// carried out (a 5xx, a drop, a timeout): an idempotent write sent twice then counts its own first effects
/// (Smartlead reports leads of the first send as duplicates of the second).
/// </summary>
internal sealed class AttemptCount
{
    /// <summary>Requests sent, the first included.</summary>
    public int Attempts { get; private set; }

    /// <summary>True when the request was sent again after an attempt that may have reached the server.</summary>
    public bool ResentAfterUnknownOutcome { get; private set; }

    public void Record(AttemptOutcome outcome, AttemptDecision decision)
    {
        Attempts = outcome.Attempt;
        bool mayHaveBeenCarriedOut = outcome.RequestMayHaveLeft && outcome.StatusCode != 429 && outcome.Fault != AttemptFault.NotSent &&
            (outcome.Fault != AttemptFault.None || outcome.StatusCode >= 500);
        if (decision.Action == AttemptAction.Retry && mayHaveBeenCarriedOut)
        {
            ResentAfterUnknownOutcome = true;
        }
    }
}
