using SocialWatch.Alerts;
using SocialWatch.Checks;
using SocialWatch.Collectors;
using SocialWatch.Demo;
using SocialWatch.Engagement;
using SocialWatch.Functions;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Hosting;
using SocialWatch.Functions.Telemetry;
using SocialWatch.Functions.Web;
using SocialWatch.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddFunctionsRuntime();
builder.AddTelemetry();
builder.Services.AddProblemDetails();
builder.Services.AddSocialWatchStorage(builder.Configuration);
builder.Services.AddSocialWatchApi(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddProfileCollection(builder.Configuration);
builder.Services.AddProfileMonitoring(builder.Configuration);
builder.Services.AddWebAssets();
builder.Services.AddEngagement(builder.Configuration);
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddFunctions();

var app = builder.Build();

app.UseStatusCodePages();
app.UseSocialWatchApi();
app.MapFunctions();
app.UseFunctionsRuntime();

await app.RunAsync();

/// <summary>Entry point type, named so the functional tests can host the app.</summary>
public partial class Program;
