using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignPS.Sandbox;

/// <summary>Unauthenticated test helpers below /_sandbox for scripts that run the sandbox as a process.
/// They are not logged and never see faults or rate limits.</summary>
internal static class SandboxControlRoutes
{
    public const string Prefix = "/_sandbox";

    public static void Map(IEndpointRouteBuilder endpoints, SandboxServer server, SandboxPlatformSet platforms)
    {
        var control = endpoints.MapGroup(Prefix);

        control.MapPost("/reset", () =>
        {
            server.Reset();
            return Ok(new JsonObject());
        });

        control.MapPost("/faults", async (HttpRequest request) =>
        {
            var (rule, error) = await ReadBodyAsync<FaultRule>(request);
            if (rule is null)
            {
                return error;
            }
            try
            {
                server.Faults.Add(rule);
            }
            catch (ArgumentException e)
            {
                return Error(StatusCodes.Status400BadRequest, e.Message);
            }
            return Ok(new JsonObject { ["pending"] = server.Faults.Pending }, StatusCodes.Status201Created);
        });

        control.MapDelete("/faults", () =>
        {
            server.Faults.Clear();
            return Ok(new JsonObject { ["pending"] = 0 });
        });

        control.MapGet("/requests", () => Results.Json(server.Requests.Snapshot(), SandboxJson.Options));

        // Forgets the requests seen so far and keeps the data, so a test can count only what comes next.
        control.MapDelete("/requests", () =>
        {
            server.Requests.Clear();
            return Ok(new JsonObject());
        });

        foreach (var platform in platforms.All)
        {
            platform.MapControlRoutes(control.MapGroup("/" + platform.Name));
        }
    }

    /// <summary>Reads a JSON body as <typeparamref name="T"/>; on failure returns a 400 result instead.</summary>
    public static async Task<(T? Body, IResult Error)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            // Read whatever the Content-Type says (curl -d sends form-urlencoded): these are test helpers.
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, SandboxJson.Options, request.HttpContext.RequestAborted);
            return (body, Error(StatusCodes.Status400BadRequest, $"Body must be a JSON {typeof(T).Name} object."));
        }
        catch (JsonException e)
        {
            return (null, Error(StatusCodes.Status400BadRequest, e.Message));
        }
    }

    public static IResult Ok(JsonObject body, int statusCode = StatusCodes.Status200OK)
    {
        body.Insert(0, "success", true);
        return Results.Json(body, SandboxJson.Options, statusCode: statusCode);
    }

    public static IResult Error(int statusCode, string message) =>
        Results.Json(new JsonObject { ["success"] = false, ["message"] = message }, SandboxJson.Options, statusCode: statusCode);

    /// <summary>PUT {pattern} with {"shape": "..."}: switches which documented response shape a platform sends.</summary>
    public static void MapShapeSwitch<TShape>(IEndpointRouteBuilder control, string pattern, Action<TShape> apply)
        where TShape : struct, Enum =>
        MapEnumSwitch(control, pattern, "shape", apply);

    /// <summary>PUT {pattern} with {"<paramref name="property"/>": "..."}: sets a platform switch to one of
    /// <typeparamref name="TEnum"/>'s names (case-insensitive) and echoes the value.</summary>
    public static void MapEnumSwitch<TEnum>(IEndpointRouteBuilder control, string pattern, string property, Action<TEnum> apply)
        where TEnum : struct, Enum
    {
        control.MapPut(pattern, async (HttpRequest request) =>
        {
            var (body, error) = await ReadBodyAsync<JsonObject>(request);
            if (body is null)
            {
                return error;
            }

            var expected = $"Body must be {{\"{property}\": \"...\"}} with one of: {string.Join(", ", Enum.GetNames<TEnum>())}.";
            if (body.Count != 1 || !body.TryGetPropertyValue(property, out var node) || node is null)
            {
                return Error(StatusCodes.Status400BadRequest, expected);
            }

            TEnum value;
            try
            {
                value = node.Deserialize<TEnum>(SandboxJson.Options);
            }
            catch (JsonException)
            {
                return Error(StatusCodes.Status400BadRequest, expected);
            }

            apply(value);
            return Ok(new JsonObject { [property] = value.ToString() });
        });
    }

    /// <summary>GET {pattern}: stored records as {"success": true, "<paramref name="name"/>": [...]}.</summary>
    public static void MapRecords<T>(IEndpointRouteBuilder control, string pattern, string name, Func<IReadOnlyList<T>> read) =>
        control.MapGet(pattern, () => Ok(new JsonObject { [name] = JsonSerializer.SerializeToNode(read(), SandboxJson.Options) }));

    /// <summary>GET {pattern} with a {campaignId} segment: the stored campaign as {"success": true, "campaign": {...}},
    /// or a 404 with <paramref name="notFound"/>'s message.</summary>
    public static void MapCampaign<TId, TCampaign>(
        IEndpointRouteBuilder control, string pattern, Func<TId, TCampaign?> find, Func<TId, string> notFound)
        where TCampaign : class =>
        control.MapGet(pattern, (TId campaignId) =>
            find(campaignId) is { } campaign
                ? Ok(new JsonObject { ["campaign"] = JsonSerializer.SerializeToNode(campaign, SandboxJson.Options) })
                : Error(StatusCodes.Status404NotFound, notFound(campaignId)));

    /// <summary>PUT {pattern}/{campaignId}/status with {"status": "..."}: forces a campaign into a status for a test.</summary>
    public static void MapCampaignStatusOverride<TId>(IEndpointRouteBuilder control, string pattern, Action<TId, string> setStatus, Func<TId, string?> readStatus)
    {
        control.MapPut(pattern, async (HttpRequest request, TId campaignId) =>
        {
            var (body, error) = await ReadBodyAsync<StatusBody>(request);
            if (body is null)
            {
                return error;
            }

            try
            {
                setStatus(campaignId, body.Status);
            }
            catch (KeyNotFoundException e)
            {
                return Error(StatusCodes.Status404NotFound, e.Message);
            }
            catch (ArgumentException e)
            {
                return Error(StatusCodes.Status400BadRequest, e.Message);
            }

            return Ok(new JsonObject { ["id"] = JsonValue.Create(campaignId), ["status"] = readStatus(campaignId) });
        });
    }

    private sealed record StatusBody([property: System.Text.Json.Serialization.JsonRequired] string Status);
}
