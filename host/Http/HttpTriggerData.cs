using System.Globalization;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Http;

/// <summary>
/// The InvocationRequest side of an HTTP invocation when the request itself is forwarded to the worker (ASP.NET Core
/// integration): as the Functions host sends it then, the trigger value is an empty RpcHttp, and the trigger metadata holds the
/// route values (strings; an optional value not in the URL is left out) and the request's Query and Headers as JSON objects.
/// </summary>
public static class HttpTriggerData
{
    public static FunctionInvocation Invocation(string functionName, HttpRequest request)
    {
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.RouteValues)
        {
            if (Convert.ToString(value, CultureInfo.InvariantCulture) is { } text)
            {
                metadata[name] = TriggerMetadata.Text(text);
            }
        }

        metadata["Query"] = TriggerMetadata.Json(request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        metadata["Headers"] = TriggerMetadata.Json(request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        return FunctionInvocation.Create(functionName, new TypedData { Http = new RpcHttp() }, metadata);
    }
}
