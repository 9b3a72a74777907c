using System.Globalization;

namespace CampaignPS.Engine.Definitions;

/// <summary>
/// The comparisons every differ makes: a value the definition leaves null is not managed; otherwise a difference from
/// the campaign's value is a Set step. Steps are numbered once the plan is complete.
/// </summary>
internal static class PlanDifferences
{
    /// <summary>Adds a Set step when <paramref name="desired"/> is given and differs (ordinal) from <paramref name="current"/>.</summary>
    public static bool Set<TStep>(ICollection<TStep> steps, string path, string? desired, string? current, string request)
        where TStep : PlanStep, new()
    {
        if (desired == null || string.Equals(desired, current, StringComparison.Ordinal))
        {
            return false;
        }

        steps.Add(new TStep { Action = PlanAction.Set, Path = path, Old = current, New = desired, Request = request });
        return true;
    }

    /// <summary>Adds a Set step when <paramref name="desired"/> is given and differs from <paramref name="current"/>.</summary>
    public static bool Set<TStep, T>(ICollection<TStep> steps, string path, T? desired, T? current, string request)
        where TStep : PlanStep, new()
        where T : struct
    {
        if (!desired.HasValue || EqualityComparer<T?>.Default.Equals(desired, current))
        {
            return false;
        }

        steps.Add(new TStep { Action = PlanAction.Set, Path = path, Old = Show(current), New = Show(desired), Request = request });
        return true;
    }

    /// <summary>Numbers the steps from 1 in the order they are sent.</summary>
    public static void Number<TStep>(IReadOnlyList<TStep> steps)
        where TStep : PlanStep
    {
        for (int i = 0; i < steps.Count; i++)
        {
            steps[i].Step = i + 1;
        }
    }

    /// <summary>A value as the plan shows it: booleans in lower case, numbers in the invariant culture.</summary>
    public static string? Show<T>(T? value)
        where T : struct =>
        value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
