using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses?pageSize=&amp;continuation= (admin): one page of businesses; follow continuation until it is null.</summary>
public static class ListBusinesses
{
    public const string Name = nameof(ListBusinesses);

    public static async Task<Results<VersionedOk<Page<Business>>, ProblemHttpResult>> Handle(string? pageSize, string? continuation, BusinessService businesses, CancellationToken cancellationToken) =>
        ApiResults.Read(await businesses.ListAsync(pageSize, continuation, cancellationToken));
}
