using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses?pageSize=&amp;continuation= (admin): one page of businesses; follow continuation until it is null.</summary>
public sealed class ListBusinesses(BusinessService businesses)
{
    [Function(nameof(ListBusinesses))]
    [CalledBy(ApiCaller.Admin)]
    [Query("pageSize", "How many businesses per page (1 to 100, 50 when left out).")]
    [Query("continuation", "The continuation token of the previous page.")]
    public async Task<Results<VersionedOk<Page<Business>>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "businesses")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? pageSize = request.Query["pageSize"];
        string? continuation = request.Query["continuation"];
        return ApiResults.Read(await businesses.ListAsync(pageSize, continuation, cancellationToken));
    }
}
