using System.Net;
using System.Text.Json.Nodes;

namespace SocialWatch.Tests.Infrastructure;

/// <summary>Valid bodies for every resource, and set-up steps through the API itself (as a client would do them).</summary>
public static class ApiScenario
{
    /// <summary>A date safely after today in every time zone.</summary>
    public static string FutureDate(int years = 2) => DateTime.UtcNow.AddYears(years).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Business(string? id = null, string name = "Rosé Bakery") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["websites"] = new JsonArray("https://rose-bakery.example/"),
        ["audience"] = "consumer",
        ["timeZone"] = "Europe/Paris",
        ["owner"] = new JsonObject { ["name"] = "Ann Rose", ["email"] = "ann@rose-bakery.example" },
        ["allowedOrigins"] = new JsonArray("https://rose-bakery.example"),
    };

    public static JsonObject Plan() => new()
    {
        ["goals"] = new JsonArray(
            new JsonObject { ["metric"] = "leads-per-month", ["target"] = 20, ["deadline"] = FutureDate() },
            new JsonObject { ["id"] = "engagement", ["metric"] = "engagement-rate", ["target"] = 2.5, ["unit"] = "percent", ["deadline"] = FutureDate(), ["baseline"] = 0.8 }),
        ["networks"] = new JsonArray(
            new JsonObject { ["network"] = "instagram", ["role"] = "primary", ["postsPerWeek"] = 4, ["coreMessage"] = "Bread baked at dawn, every day." },
            new JsonObject { ["network"] = "facebook", ["role"] = "presence", ["postsPerWeek"] = 0.25, ["coreMessage"] = "Opening hours and events." }),
        ["accountableOwner"] = new JsonObject { ["name"] = "Ann Rose", ["email"] = "ann@rose-bakery.example" },
        ["nextReviewDate"] = FutureDate(1),
    };

    public static JsonObject Profile(string network = "instagram", string handle = "rosebakery") => new()
    {
        ["network"] = network,
        ["url"] = $"https://{network}.example/{handle}",
        ["handle"] = handle,
        ["feedUrl"] = $"https://{network}.example/{handle}/feed.xml",
        ["ownerEmail"] = "social@rose-bakery.example",
    };

    public static async Task<string> CreateBusinessAsync(this HttpClient client, string? id = null)
    {
        var created = await client.SendAsync(HttpMethod.Post, "/api/businesses", ApiHost.AdminKey, Business(id ?? "b-" + Guid.NewGuid().ToString("N")[..12]));
        return (string)(await created.OkJsonAsync(HttpStatusCode.Created))["id"]!;
    }

    public static async Task<string> IssueKeyAsync(this HttpClient client, string businessId, string role)
    {
        var issued = await client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/keys", ApiHost.AdminKey, new JsonObject { ["role"] = role, ["label"] = $"{role} key" });
        return (string)(await issued.OkJsonAsync(HttpStatusCode.Created))["key"]!;
    }

    public static async Task<string> CreateProfileAsync(this HttpClient client, string businessId, JsonObject? profile = null)
    {
        var created = await client.SendAsync(HttpMethod.Post, $"/api/businesses/{businessId}/profiles", ApiHost.AdminKey, profile ?? Profile());
        return (string)(await created.OkJsonAsync(HttpStatusCode.Created))["id"]!;
    }

    public static async Task SavePlanAsync(this HttpClient client, string businessId)
    {
        var saved = await client.SendAsync(HttpMethod.Put, $"/api/businesses/{businessId}/plan", ApiHost.AdminKey, Plan());
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
