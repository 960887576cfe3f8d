using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialWatch.Functions.Hosting.Local;

namespace SocialWatch.Functions.Hosting;

/// <summary>
/// Chooses the runtime. With FUNCTIONS_CUSTOMHANDLER_PORT set, the Functions host owns triggers and calls us on 127.0.0.1:port;
/// without it, this process fires its own timers and queue listeners from the same function.json and host.json.
/// </summary>
public static partial class FunctionsRuntime
{
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string DefaultLocalUrl = "http://127.0.0.1:7071";

    public static bool IsCustomHandler(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[CustomHandlerPortVariable]);

    public static WebApplicationBuilder AddFunctionsRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FunctionsOptions>().BindConfiguration(FunctionsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FunctionsOptions>, FunctionsOptionsValidator>();
        builder.Services.AddSingleton(provider => FunctionManifest.Load(provider.GetRequiredService<IOptions<FunctionsOptions>>().Value.AppRoot));
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        FunctionRegistrationExtensions.Registry(builder.Services);

        if (IsCustomHandler(builder.Configuration))
        {
            var text = builder.Configuration[CustomHandlerPortVariable];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{CustomHandlerPortVariable} must be a TCP port number; it is '{text}'.");
            }

            // The host always calls http://127.0.0.1:{port}.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }
        else
        {
            builder.Services.AddLocalTriggers();
            if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                builder.WebHost.UseUrls(DefaultLocalUrl);
            }
        }

        return builder;
    }

    /// <summary>Maps the host protocol in custom-handler mode and checks that code and function.json files agree.</summary>
    public static WebApplication UseFunctionsRuntime(this WebApplication app)
    {
        if (IsCustomHandler(app.Configuration))
        {
            app.MapCustomHandlerProtocol();
            if (!string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<Storage.StorageOptions>>().Value.Prefix))
            {
                LogPrefixUnderHost(app.Logger);
            }
        }

        app.Services.GetRequiredService<FunctionRegistry>().EnsureMatches(app.Services.GetRequiredService<FunctionManifest>());
        return app;
    }

    // The host listens to function.json queue names as written; a prefix (meant for tests and side-by-side local installs)
    // would make our senders and its listeners use different queues.
    [LoggerMessage(Level = LogLevel.Warning, Message = "SocialWatch:Storage:Prefix is set in custom-handler mode: the Functions host listens to the queues named in function.json without it, so messages sent here would never be picked up. Leave the prefix empty under the Functions host.")]
    private static partial void LogPrefixUnderHost(ILogger logger);
}
