using SocialWatch.Host;

// appsettings.json (log levels) beside the host's assembly, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddHostSettings();
builder.AddWorker();
builder.AddTriggers();
builder.AddHttpFrontDoor();

var app = builder.Build();

app.MapFunctionsHost();

await app.RunAsync();
