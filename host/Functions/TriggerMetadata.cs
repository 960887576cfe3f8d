using System.Text.Encodings.Web;
using System.Text.Json;
using SocialWatch.Host.Rpc;

namespace SocialWatch.Host.Functions;

/// <summary>Trigger metadata values as the Functions host converts its binding data: strings as strings, anything else as JSON.</summary>
public static class TriggerMetadata
{
    public static readonly IReadOnlyDictionary<string, TypedData> None = new Dictionary<string, TypedData>();

    // Written as the host's Newtonsoft serialiser writes them: names as given, non-ASCII and HTML characters unescaped.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TypedData Text(string value) => new() { String = value };

    public static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value, Options) };
}
