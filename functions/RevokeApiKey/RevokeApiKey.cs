using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Access;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>DELETE /api/businesses/{businessId}/keys/{keyId} (admin): revokes a key at once.</summary>
public static class RevokeApiKey
{
    public const string Name = nameof(RevokeApiKey);

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(string businessId, string keyId, ApiKeyService keys, CancellationToken cancellationToken) =>
        ApiResults.Remove(await keys.RevokeAsync(businessId, keyId, cancellationToken));
}
