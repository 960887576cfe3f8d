using Microsoft.Azure.Functions.Worker;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>GET /api/health (anonymous): the worker is up and answers through its host.</summary>
public sealed class GetHealth
{
    [Function(nameof(GetHealth))]
    [CalledBy(ApiCaller.Anyone)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        TypedResults.Ok(new HealthReport("healthy", "dotnet-isolated"));

    public sealed record HealthReport(string Status, string Runtime);
}
