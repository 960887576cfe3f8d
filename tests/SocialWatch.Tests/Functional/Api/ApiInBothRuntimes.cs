using System.Net;
using System.Text.Json.Nodes;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>
/// The API in custom-handler mode (FUNCTIONS_CUSTOMHANDLER_PORT set, as the Functions host starts it, forwarding requests at
/// their /api paths) answers as in local mode.
/// </summary>
public sealed class ApiInBothRuntimes(ApiHost local, CustomHandlerApiHost customHandler) : IClassFixture<ApiHost>, IClassFixture<CustomHandlerApiHost>
{
    [Fact]
    public async Task AnswersTheSameInBothRuntimes()
    {
        var answers = new List<string>();
        foreach (var client in new[] { local.Client, customHandler.Client })
        {
            var health = await (await client.SendAsync(HttpMethod.Get, "/api/health", null)).OkJsonAsync();
            var id = await client.CreateBusinessAsync("both-runtimes");
            await client.SavePlanAsync(id);
            await client.CreateProfileAsync(id, ApiScenario.Profile("instagram", "same"));
            var plan = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", ApiHost.AdminKey)).OkJsonAsync();
            var refused = await (await client.SendAsync(HttpMethod.Get, $"/api/businesses/{id}/plan", null)).ProblemAsync(HttpStatusCode.Unauthorized);
            answers.Add($"{Shape(plan)} {string.Join(',', refused.Keys)}");
            Assert.Equal(client == local.Client ? "local" : "custom-handler", (string)health["runtime"]!);
        }

        Assert.Equal(answers[0], answers[1]);
    }

    /// <summary>The plan without what differs by nature between two saves (times and generated ids).</summary>
    private static string Shape(JsonNode plan)
    {
        plan.AsObject().Remove("updatedAt");
        foreach (var link in plan["profiles"]!["instagram"]!.AsArray())
        {
            link!.AsObject().Remove("id");
        }

        return plan.ToJsonString();
    }
}
