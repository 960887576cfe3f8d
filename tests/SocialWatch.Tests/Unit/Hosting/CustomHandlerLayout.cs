using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Unit.Hosting;

/// <summary>What the Functions host needs from host.json and the HTTP functions' function.json to forward requests to this handler.</summary>
public sealed class CustomHandlerLayout
{
    public static TheoryData<string> HttpFunctionFiles => new(
        AppFiles.FunctionJsonFiles().Where(file => Bindings(file).Any(b => Type(b) == "httpTrigger")).Select(AppFiles.Relative));

    [Theory]
    [MemberData(nameof(HttpFunctionFiles))]
    public void HttpFunctionHasOneHttpTriggerAndOneHttpOut(string functionJson)
    {
        var bindings = Bindings(RepositoryRoot.Combine(functionJson));

        // Any other binding makes the host send the JSON invocation payload instead of forwarding the request.
        Assert.Collection(
            bindings.OrderBy(b => Direction(b), StringComparer.Ordinal),
            trigger => Assert.Equal(("httpTrigger", "in"), (Type(trigger), Direction(trigger))),
            output => Assert.Equal(("http", "out"), (Type(output), Direction(output))));
    }

    [Fact]
    public void HostJsonForwardsHttpRequests()
    {
        var customHandler = HostJson()["customHandler"];

        Assert.True(customHandler?["enableForwardingHttpRequest"]?.GetValue<bool>());
    }

    [Fact]
    public void HostJsonStartsTheHandlerExecutable()
    {
        var executable = HostJson()["customHandler"]?["description"]?["defaultExecutablePath"]?.GetValue<string>();

        // The app host the SDK builds and publishes carries the assembly's name.
        Assert.Equal(typeof(Program).Assembly.GetName().Name, executable);
    }

    private static JsonNode HostJson() => JsonNode.Parse(File.ReadAllText(AppFiles.HostJson))!;

    private static JsonArray Bindings(string functionJson) => JsonNode.Parse(File.ReadAllText(functionJson))!["bindings"]!.AsArray();

    private static string? Type(JsonNode? binding) => binding?["type"]?.GetValue<string>();

    private static string? Direction(JsonNode? binding) => binding?["direction"]?.GetValue<string>();
}
