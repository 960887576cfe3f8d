using Microsoft.Azure.Functions.Worker.Builder;
using SocialWatch.Alerts;
using SocialWatch.Checks;
using SocialWatch.Collectors;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Telemetry;
using SocialWatch.Functions.Web;
using SocialWatch.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.AddTelemetry();
builder.UseMiddleware<InvocationTelemetry>();
builder.UseSocialWatchApi();
builder.Services.AddSocialWatchStorage(builder.Configuration);
builder.Services.AddSocialWatchApi(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddProfileCollection(builder.Configuration);
builder.Services.AddProfileMonitoring(builder.Configuration);
builder.Services.AddWebAssets();
builder.Services.AddEngagement(builder.Configuration);
builder.Services.AddDemoData(builder.Configuration);

await builder.Build().RunAsync();
