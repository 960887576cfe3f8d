using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses (admin): creates a business; its id is the one given, or one made from its name.</summary>
public sealed class CreateBusiness(BusinessService businesses, HttpFunctionCatalog catalog)
{
    [Function(nameof(CreateBusiness))]
    [CalledBy(ApiCaller.Admin)]
    [JsonBody(typeof(BusinessInput))]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status409Conflict, HttpFunctionApiDescriptions.ProblemMediaType)]
    public async Task<Results<VersionedCreated<Business>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<BusinessInput>(request, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await businesses.CreateAsync(body.Value!, cancellationToken), b => catalog.PathOf(nameof(GetBusiness), new { businessId = b.Id }));
    }
}
