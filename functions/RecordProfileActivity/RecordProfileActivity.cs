using Microsoft.Azure.Functions.Worker;
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
public sealed class RecordProfileActivity(HealthReports reports, IOptions<ApiOptions> api)
{
    [Function(nameof(RecordProfileActivity))]
    [CalledBy(ApiCaller.TenantWrite)]
    [JsonBody(typeof(ActivityInput))]
    public async Task<Results<VersionedOk<ProfileHealthView>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "businesses/{businessId}/profiles/{profileId}/activity")] HttpRequest request,
        string businessId,
        string profileId,
        CancellationToken cancellationToken)
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
