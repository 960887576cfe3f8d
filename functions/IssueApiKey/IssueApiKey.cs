using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialWatch.Access;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/keys (admin): issues a key; the answer is the only time its secret is shown.</summary>
public static class IssueApiKey
{
    public const string Name = nameof(IssueApiKey);

    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<VersionedCreated<IssuedApiKey>, ProblemHttpResult>> Handle(string businessId, JsonBody<ApiKeyInput> body, ApiKeyService keys, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await keys.IssueAsync(businessId, body.Value!, cancellationToken), k => links.GetPathByName(RevokeApiKey.Name, new { businessId, keyId = k.KeyId }));
    }
}
