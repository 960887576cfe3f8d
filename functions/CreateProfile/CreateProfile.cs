using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialWatch.Functions.Api;
using SocialWatch.Profiles;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses/{businessId}/profiles: adds a profile; the server assigns its id.</summary>
public sealed class CreateProfile(ProfileService profiles, HttpFunctionCatalog catalog)
{
    [Function(nameof(CreateProfile))]
    [CalledBy(ApiCaller.TenantWrite)]
    [JsonBody(typeof(ProfileInput))]
    public async Task<Results<VersionedCreated<Profile>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses/{businessId}/profiles")] HttpRequest request,
        string businessId,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ProfileInput>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await profiles.CreateAsync(businessId, body.Value!, cancellationToken), p => catalog.PathOf(nameof(GetProfile), new { businessId, profileId = p.Id }));
    }
}
