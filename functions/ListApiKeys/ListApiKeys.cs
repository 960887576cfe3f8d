using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Access;
using SocialWatch.Functions.Api;
using SocialWatch.Storage;

namespace SocialWatch.Functions;

/// <summary>GET /api/businesses/{businessId}/keys (admin): the business's keys, without secrets.</summary>
public static class ListApiKeys
{
    public const string Name = nameof(ListApiKeys);

    public static async Task<Results<VersionedOk<Page<ApiKeyInfo>>, ProblemHttpResult>> Handle(string businessId, ApiKeyService keys, CancellationToken cancellationToken) =>
        ApiResults.Read(await keys.ListAsync(businessId, cancellationToken));
}
