using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace SocialWatch.Functions.Api;

/// <summary>An HTTP function as its own declarations say: the [Function] method, its [HttpTrigger] and its API attributes.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods, CalledByAttribute? Access)
{
    /// <summary>Who may call it: fail closed to the admin key when the function declares nothing.</summary>
    public ApiCaller Caller => Access?.Caller ?? ApiCaller.Admin;
}

/// <summary>
/// Every HTTP function of this assembly, read once from the [Function] methods themselves (the same declarations the SDK
/// turns into functions.metadata), with the host's route prefix: what the key check, CORS, resource locations and the
/// OpenAPI document work from, so no list of routes is kept by hand.
/// </summary>
public sealed partial class HttpFunctionCatalog
{
    private const string DefaultRoutePrefix = "api";

    private readonly Dictionary<string, HttpFunction> functions;

    public HttpFunctionCatalog(string routePrefix, IEnumerable<HttpFunction> functions)
    {
        RoutePrefix = routePrefix;
        this.functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string RoutePrefix { get; }

    public IReadOnlyCollection<HttpFunction> Functions => functions.Values;

    public HttpFunction? Find(string functionName) => functions.GetValueOrDefault(functionName);

    /// <summary>The catalog of <paramref name="assembly"/>, under host.json's route prefix in <paramref name="appDirectory"/>.</summary>
    public static HttpFunctionCatalog Load(Assembly assembly, string appDirectory)
    {
        var found = FunctionDeclarations.Of<HttpTriggerAttribute>(assembly).Select(f => new HttpFunction(
            f.Name,
            f.Method,
            f.Trigger.Route ?? f.Name,
            [.. (f.Trigger.Methods ?? []).Select(m => m.ToUpperInvariant())],
            f.Method.GetCustomAttribute<CalledByAttribute>()));
        return new HttpFunctionCatalog(ReadRoutePrefix(appDirectory), found);
    }

    /// <summary>The path of <paramref name="functionName"/>'s route with its parameters filled in, e.g. for a Location header.</summary>
    public string PathOf(string functionName, object values)
    {
        var function = Find(functionName) ?? throw new KeyNotFoundException($"No HTTP function is named '{functionName}'.");
        var given = new RouteValueDictionary(values);
        var path = RouteParameter().Replace(function.Route, match =>
        {
            var name = match.Groups["name"].Value;
            var value = given.TryGetValue(name, out var v) && v is not null
                ? Convert.ToString(v, CultureInfo.InvariantCulture)!
                : throw new ArgumentException($"The route of {functionName} needs a value for '{name}'.", nameof(values));
            return Uri.EscapeDataString(value);
        });
        return string.Create(CultureInfo.InvariantCulture, $"/{RoutePrefix}/{path}");
    }

    // As the Functions host and the worker's ASP.NET Core integration do: host.json's extensions.http.routePrefix, else "api".
    private static string ReadRoutePrefix(string appDirectory)
    {
        var hostJson = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(hostJson))
        {
            return DefaultRoutePrefix;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.GetString() is { } value
                ? value.Trim('/')
                : DefaultRoutePrefix;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
