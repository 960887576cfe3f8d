using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialWatch.Access;
using SocialWatch.Checks.Health;
using SocialWatch.Functions.Api;

namespace SocialWatch.Functions;

/// <summary>
/// POST /api/businesses/{businessId}/profiles/{profileId}/activity: "we posted", at <c>{"at": ...}</c> or now when the body
/// is left out. Answers the profile's health as it stands after.
/// </summary>
public static class RecordProfileActivity
{
    public const string Name = nameof(RecordProfileActivity);

    public static async Task<Results<VersionedOk<ProfileHealthView>, ProblemHttpResult>> Handle(string businessId, string profileId, HttpRequest request, HealthReports reports, IOptions<ApiOptions> api, CancellationToken cancellationToken)
    {
        var input = new ActivityInput();
        if (request.ContentLength is not 0 && (request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0))
        {
            var (value, problem) = await JsonRequest.ReadAsync<ActivityInput>(request, api.Value.MaxRequestBodyBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            input = value!;
        }

        return ApiResults.Read(await reports.RecordActivityAsync(businessId, profileId, input, cancellationToken));
    }
}
