using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialWatch.Functions;
using SocialWatch.Functions.Hosting;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Hosting;

/// <summary>The built executable run as its own process, started the way the Functions host starts a custom handler.</summary>
public sealed class HandlerProcess(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersTheHostOnLoopbackAtThePortItIsGiven()
    {
        var port = FreePort.Next();
        var root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        await using var handler = AppProcess.Start(Environment(new() { [FunctionsRuntime.CustomHandlerPortVariable] = port.ToString(CultureInfo.InvariantCulture) }));
        await handler.WaitUntilAnswersAsync(root, TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = root };

        var ready = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        var health = await client.GetFromJsonAsync<GetHealth.HealthReport>(new Uri("/api/health", UriKind.Relative), Cancel);
        var unknown = await client.PostAsJsonAsync(new Uri("/NoSuchFunction", UriKind.Relative), CustomHandlerInvocation.QueuePayload(JsonValue.Create("x"), dequeueCount: 1), Cancel);
        var httpFunction = await client.PostAsJsonAsync(new Uri($"/{GetHealth.Name}", UriKind.Relative), CustomHandlerInvocation.QueuePayload(JsonValue.Create("x"), dequeueCount: 1), Cancel);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(new GetHealth.HealthReport("healthy", "custom-handler"), health);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No timer or queue function is named 'NoSuchFunction'.", (await unknown.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["Logs"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, httpFunction.StatusCode);
    }

    [Fact]
    public async Task RunsInLocalModeWithoutThePortVariable()
    {
        var port = FreePort.Next();
        var root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        await using var app = AppProcess.Start(Environment([]), "--urls", root.ToString());
        await app.WaitUntilAnswersAsync(root, TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = root };

        var health = await client.GetFromJsonAsync<GetHealth.HealthReport>(new Uri("/api/health", UriKind.Relative), Cancel);
        var protocol = await client.PostAsJsonAsync(new Uri("/NoSuchFunction", UriKind.Relative), new JsonObject(), Cancel);

        Assert.Equal(new GetHealth.HealthReport("healthy", "local"), health);
        // The host protocol is not served in local mode: nothing but this process fires its functions.
        Assert.Equal(HttpStatusCode.NotFound, protocol.StatusCode);
        Assert.Equal("application/problem+json", protocol.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RefusesToStartWhenAFunctionJsonHasNoCode()
    {
        using var appRoot = TestAppRoot.Create(null, TestFunctionFolder.Queue("Orphan", "orphans"));
        await using var handler = AppProcess.Start(Environment(new()
        {
            [FunctionsRuntime.CustomHandlerPortVariable] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["SocialWatch__Functions__AppRoot"] = appRoot.Path,
        }));

        var exitCode = await handler.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("functions/Orphan/function.json has no code registered for it", handler.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment(Dictionary<string, string> settings)
    {
        foreach (var (key, value) in TestSettings.AsEnvironment(TestSettings.For(azurite, AzuriteFixture.NewPrefix())))
        {
            settings[key] = value;
        }

        return settings;
    }
}
