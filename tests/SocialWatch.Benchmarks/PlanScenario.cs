using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialWatch.Benchmarks;

/// <summary>
/// A business with a plan and <c>profiles</c> profiles, set up through the public API the way a user would, so that
/// GET /api/businesses/{id}/plan is measured on realistic data.
/// </summary>
internal sealed class PlanScenario
{
    public const string BusinessId = "bench-co";
    public const string ApiKeyHeader = "x-api-key";
    public const string PlanPath = $"api/businesses/{BusinessId}/plan";

    private static readonly string[] Site = ["https://bench.example"];
    private readonly string ownerKey;

    private PlanScenario(string ownerKey) => this.ownerKey = ownerKey;

    /// <summary>The scenario, or the reason it cannot be set up when the API answers 404 (not there yet).</summary>
    public static async Task<(PlanScenario? Scenario, string? Missing)> SetUpAsync(HttpClient client, string adminKey, int profiles, CancellationToken cancellationToken)
    {
        var owner = new { name = "Ann", email = "ann@bench.example" };
        var business = await SendAsync(client, HttpMethod.Post, "api/businesses", adminKey, new
        {
            id = BusinessId,
            name = "Bench Co",
            websites = Site,
            audience = "consumer",
            timeZone = "Europe/Berlin",
            owner,
            allowedOrigins = Site,
        }, cancellationToken);
        if (business.Missing is { } missing)
        {
            return (null, missing);
        }

        var key = await SendAsync(client, HttpMethod.Post, $"api/businesses/{BusinessId}/keys", adminKey, new { role = "owner", label = "bench" }, cancellationToken);
        if (key.Missing is { } noKeys)
        {
            return (null, noKeys);
        }

        var ownerKey = key.Body.GetProperty("key").GetString() ?? throw new InvalidOperationException("The issued key is null.");
        var plan = await SendAsync(client, HttpMethod.Put, PlanPath, ownerKey, new
        {
            goals = new[] { new { id = "leads", metric = "leads-per-month", target = 20, deadline = "2027-06-30" } },
            networks = new[]
            {
                new { network = "instagram", role = "primary", postsPerWeek = 3, coreMessage = "Behind the scenes of every order, three times a week." },
                new { network = "linkedin", role = "presence", postsPerWeek = 1, coreMessage = "What we learn running a small shop, once a week." },
            },
            accountableOwner = owner,
            nextReviewDate = "2027-01-15",
        }, cancellationToken);
        if (plan.Missing is { } noPlan)
        {
            return (null, noPlan);
        }

        for (var i = 1; i <= profiles; i++)
        {
            var handle = "x" + i.ToString(CultureInfo.InvariantCulture);
            var profile = await SendAsync(client, HttpMethod.Post, $"api/businesses/{BusinessId}/profiles", ownerKey, new
            {
                network = "instagram",
                url = "https://instagram.com/" + handle,
                handle,
            }, cancellationToken);
            if (profile.Missing is { } noProfiles)
            {
                return (null, noProfiles);
            }
        }

        return (new PlanScenario(ownerKey), null);
    }

    /// <summary>A request carrying an API key in the header every /api call is checked against.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string apiKey)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ApiKeyHeader, apiKey);
        return request;
    }

    public HttpRequestMessage GetPlan() => Request(HttpMethod.Get, PlanPath, ownerKey);

    private static async Task<(JsonElement Body, string? Missing)> SendAsync(HttpClient client, HttpMethod method, string path, string apiKey, object body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, apiKey);
        request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (default, $"{method} /{path} answered 404");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Setting up the plan scenario failed: {method} /{path} answered {(int)response.StatusCode}: {text}");
        }

        return (text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text), null);
    }
}
