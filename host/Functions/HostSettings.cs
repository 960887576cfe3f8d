using System.Text.Json;
using System.Text.Json.Nodes;
using SocialWatch.Host.Queues;

namespace SocialWatch.Host.Functions;

/// <summary>The parts of the worker's host.json this host honours, with the Functions host's defaults.</summary>
public sealed record HostSettings(string RoutePrefix, QueueSettings Queues)
{
    public static HostSettings Load(string workerDirectory)
    {
        var path = Path.Combine(workerDirectory, "host.json");
        JsonObject host;
        try
        {
            host = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidOperationException($"{path} must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }

        return Parse(host);
    }

    public static HostSettings Parse(JsonObject host)
    {
        var extensions = host["extensions"] as JsonObject;
        var routePrefix = extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        return new HostSettings(routePrefix.Trim('/'), QueueSettings.Parse(extensions?["queues"] as JsonObject));
    }
}
