using System.Text.Json;
using System.Text.Json.Nodes;
using SocialWatch.Host.Queues;

namespace SocialWatch.Host.Functions;

/// <summary>
/// The parts of the worker's host.json this host honours, with the Functions host's defaults. As in the Functions host, an
/// app setting <c>AzureFunctionsJobHost__path__to__key</c> overrides host.json's value at that path (tests use it for
/// shorter queue intervals).
/// </summary>
public sealed record HostSettings(string RoutePrefix, QueueSettings Queues)
{
    public const string OverrideSection = "AzureFunctionsJobHost";

    public static HostSettings Load(string workerDirectory, IConfiguration appSettings)
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

        ApplyOverrides(host, appSettings.GetSection(OverrideSection));
        return Parse(host);
    }

    /// <summary>Each setting under <paramref name="overrides"/> replaces (or adds) the value at its path in <paramref name="host"/>.</summary>
    public static void ApplyOverrides(JsonObject host, IConfigurationSection overrides)
    {
        foreach (var setting in overrides.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
        {
            var path = setting.Key.Split(ConfigurationPath.KeyDelimiter);
            var parent = host;
            foreach (var segment in path[..^1])
            {
                parent = parent[segment] as JsonObject ?? (JsonObject)(parent[segment] = new JsonObject());
            }

            parent[path[^1]] = Value(setting.Value!);
        }
    }

    // App settings are text: numbers and booleans go back to JSON's own types, as host.json would hold them.
    private static JsonValue Value(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) || bool.TryParse(text, out _)
            ? JsonValue.Create(JsonDocument.Parse(text.ToLowerInvariant()).RootElement.Clone())!
            : JsonValue.Create(text);

    public static HostSettings Parse(JsonObject host)
    {
        var extensions = host["extensions"] as JsonObject;
        var routePrefix = extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        return new HostSettings(routePrefix.Trim('/'), QueueSettings.Parse(extensions?["queues"] as JsonObject));
    }
}
