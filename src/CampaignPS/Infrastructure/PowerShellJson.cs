using System.Collections.Specialized;
using CampaignPS.Engine.Json;

namespace CampaignPS.Infrastructure;

/// <summary>Turns hashtables, PSCustomObjects or JSON text given to a parameter into JSON for the engine.</summary>
internal static class PowerShellJson
{
    private static readonly JsonValueWriter Writer = new JsonValueWriter(Unwrap);

    public static string ToJson(object value) => Writer.ToJson(value);

    private static object? Unwrap(object value)
    {
        if (value is not PSObject wrapped)
        {
            return value;
        }

        if (wrapped.BaseObject is PSCustomObject)
        {
            var properties = new OrderedDictionary();
            foreach (PSPropertyInfo property in wrapped.Properties)
            {
                properties[property.Name] = property.Value;
            }

            return properties;
        }

        return wrapped.BaseObject;
    }
}
