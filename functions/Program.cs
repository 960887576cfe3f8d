using Microsoft.Azure.Functions.Worker.Builder;
using SocialWatch.Functions;
using SocialWatch.Functions.Api;
using SocialWatch.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.AddTelemetry();
builder.UseMiddleware<InvocationTelemetry>();
builder.UseSocialWatchApi();
builder.Services.AddSocialWatch(builder.Configuration);

await builder.Build().RunAsync();
