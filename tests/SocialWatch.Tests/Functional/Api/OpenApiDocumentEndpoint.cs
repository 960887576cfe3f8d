using System.Net;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Tests.Functional.Api;

/// <summary>GET /api/openapi.json through the local host and the real worker: anonymous, JSON, the document of every operation.</summary>
public sealed class OpenApiDocumentEndpoint(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AnswersWithoutAKeyAsJson()
    {
        var response = await host.Client.SendAsync(HttpMethod.Get, "/api/openapi.json", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.OkJsonAsync();
        Assert.StartsWith("3.1.", (string)document["openapi"]!, StringComparison.Ordinal);
        Assert.Equal("SavePlan", (string?)document["paths"]!["/api/businesses/{businessId}/plan"]!["put"]!["operationId"]);
        Assert.NotNull(document["components"]!["schemas"]!["PlanInput"]);
    }
}
