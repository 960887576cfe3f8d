using SocialWatch.Access;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Hosting;

namespace SocialWatch.Functions;

/// <summary>
/// Every function of the app, by the name of its folder under functions/. Timer and queue functions are classes
/// the invoker resolves by name; HTTP functions are mapped at the route their function.json declares.
/// </summary>
public static class FunctionCatalog
{
    public static IServiceCollection AddFunctions(this IServiceCollection services) => services
        .AddQueueFunction<DispatchEmail>(DispatchEmail.Name)
        .AddTimerFunction<SweepOutbox>(SweepOutbox.Name)
        .AddQueueFunction<ScoreSnapshot>(ScoreSnapshot.Name)
        .AddTimerFunction<SweepCollections>(SweepCollections.Name)
        .AddQueueFunction<CollectProfile>(CollectProfile.Name)
        .AddTimerFunction<SweepProfiles>(SweepProfiles.Name)
        .AddQueueFunction<CheckProfile>(CheckProfile.Name)
        .AddQueueFunction<ResumeHeldChecks>(ResumeHeldChecks.Name)
        .AddQueueFunction<ContinueSweep>(ContinueSweep.Name)
        .AddTimerFunction<AuditWebsites>(AuditWebsites.Name)
        .AddQueueFunction<AuditWebsite>(AuditWebsite.Name);

    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder app)
    {
        app.MapHttpFunction(GetHealth.Name, GetHealth.Handle).AllowAnonymous();
        app.MapHttpFunction(GetOpenApiDocument.Name, GetOpenApiDocument.Handle).AllowAnonymous().ExcludeFromDescription();
        app.MapHttpFunction(GetWidget.Name, GetWidget.Handle).AllowAnonymous();
        app.MapHttpFunction(GetDashboard.Name, GetDashboard.Handle).AllowAnonymous();
        app.MapHttpFunction(GetDashboardAsset.Name, GetDashboardAsset.Handle).AllowAnonymous();

        app.MapHttpFunction(CreateBusiness.Name, CreateBusiness.Handle).RequireApiKey(AccessRule.Admin);
        app.MapHttpFunction(ListBusinesses.Name, ListBusinesses.Handle).RequireApiKey(AccessRule.Admin);
        app.MapHttpFunction(GetBusiness.Name, GetBusiness.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(UpdateBusiness.Name, UpdateBusiness.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(DeleteBusiness.Name, DeleteBusiness.Handle).RequireApiKey(AccessRule.TenantDelete);
        app.MapHttpFunction(GetPlan.Name, GetPlan.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(SavePlan.Name, SavePlan.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(ListProfiles.Name, ListProfiles.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(CreateProfile.Name, CreateProfile.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(GetProfile.Name, GetProfile.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(UpdateProfile.Name, UpdateProfile.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(DeleteProfile.Name, DeleteProfile.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(IssueApiKey.Name, IssueApiKey.Handle).RequireApiKey(AccessRule.TenantAdmin);
        app.MapHttpFunction(ListApiKeys.Name, ListApiKeys.Handle).RequireApiKey(AccessRule.TenantAdmin);
        app.MapHttpFunction(RevokeApiKey.Name, RevokeApiKey.Handle).RequireApiKey(AccessRule.TenantAdmin);
        app.MapHttpFunction(GetProfileCollection.Name, GetProfileCollection.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetBusinessHealth.Name, GetBusinessHealth.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetProfileHealth.Name, GetProfileHealth.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetLinkAudit.Name, GetLinkAudit.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(RecordProfileActivity.Name, RecordProfileActivity.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(IngestSnapshots.Name, IngestSnapshots.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(ListRejectedSnapshots.Name, ListRejectedSnapshots.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetBenchmarks.Name, GetBenchmarks.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetProfileBenchmarks.Name, GetProfileBenchmarks.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetReport.Name, GetReport.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetGoals.Name, GetGoals.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetYearOverYear.Name, GetYearOverYear.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(GetEngagementSeries.Name, GetEngagementSeries.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(ListCampaigns.Name, ListCampaigns.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(CreateCampaign.Name, CreateCampaign.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(GetCampaign.Name, GetCampaign.Handle).RequireApiKey(AccessRule.TenantRead);
        app.MapHttpFunction(UpdateCampaign.Name, UpdateCampaign.Handle).RequireApiKey(AccessRule.TenantWrite);
        app.MapHttpFunction(DeleteCampaign.Name, DeleteCampaign.Handle).RequireApiKey(AccessRule.TenantWrite);
        return app;
    }
}
