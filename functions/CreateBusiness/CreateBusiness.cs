using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialWatch.Businesses;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>POST /api/businesses (admin): creates a business; its id is the one given, or one made from its name.</summary>
public static class CreateBusiness
{
    public const string Name = nameof(CreateBusiness);

    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<VersionedCreated<Business>, ProblemHttpResult>> Handle(JsonBody<BusinessInput> body, BusinessService businesses, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        return ApiResults.Create(await businesses.CreateAsync(body.Value!, cancellationToken), b => links.GetPathByName(GetBusiness.Name, new { businessId = b.Id }));
    }
}
