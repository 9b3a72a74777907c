namespace CampaignPS.Infrastructure;

/// <summary>How a parameter (or CSV column) counts as given; cmdlet files import it with <c>using static</c>.</summary>
internal static class ParameterValues
{
    /// <summary>An optional value from a CSV column or parameter: empty or white space counts as not given.</summary>
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>An optional structured value: null, or empty text, counts as not given.</summary>
    public static object? Given(object? value) => value is string text ? Given(text) : value;

    /// <summary>A switch as a three-way value: null when the user did not give it, else -Switch or -Switch:$false.</summary>
    public static bool? SwitchGiven(this PSCmdlet cmdlet, string parameterName, SwitchParameter value) =>
        cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName) ? value.IsPresent : (bool?)null;

    /// <summary>True when the user gave <paramref name="parameterName"/> (even as an empty value).</summary>
    public static bool IsGiven(this PSCmdlet cmdlet, string parameterName) =>
        cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName);
}
