using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignPS.Engine.Json;

/// <summary>The serializer settings every platform client uses.</summary>
internal static class ApiJson
{
    /// <summary>camelCase on the wire, nulls left out, case-insensitive reading, numbers accepted as strings (Outbox sends counters as strings).</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
