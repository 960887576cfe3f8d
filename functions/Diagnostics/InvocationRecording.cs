using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SocialWatch.Functions.Diagnostics;

/// <summary>
/// For the host contract test only: with SocialWatch:Diagnostics:InvocationLog naming a file, each invocation appends one
/// JSON line of what the worker saw of it (function, trigger input, trigger metadata, and for HTTP the request as the
/// function reads it). The same worker build under our local host and under the Functions host must write the same lines.
/// Off by default: nothing is recorded in production.
/// </summary>
public sealed class InvocationRecording(IConfiguration configuration) : IFunctionsWorkerMiddleware
{
    public const string SettingName = "SocialWatch:Diagnostics:InvocationLog";

    private static readonly SemaphoreSlim Appending = new(1, 1);

    private readonly string path = configuration[SettingName]!;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var record = new JsonObject
        {
            ["function"] = context.FunctionDefinition.Name,
            ["trigger"] = context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))?.Type,
            ["metadata"] = new JsonObject(context.BindingContext.BindingData
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value?.ToString())))),
        };
        if (context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type == "timerTrigger") is { } timerBinding
            && (await context.BindInputAsync<TimerInfo>(timerBinding)).Value is { } timer)
        {
            record["timer"] = new JsonObject { ["isPastDue"] = timer.IsPastDue, ["scheduleStatus"] = timer.ScheduleStatus is not null };
        }

        if (context.GetHttpContext() is { } http)
        {
            var request = http.Request;
            record["http"] = new JsonObject
            {
                ["method"] = request.Method,
                ["path"] = $"{request.PathBase}{request.Path}",
                ["query"] = request.QueryString.Value,
                ["routeValues"] = new JsonObject(request.RouteValues.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value?.ToString())))),
                ["contentType"] = request.ContentType,
                ["invocationHeader"] = request.Headers["x-ms-invocation-id"].ToString() == context.InvocationId,
            };
        }

        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            record["failed"] = failed;
            if (context.GetHttpContext() is { } answered)
            {
                record["status"] = answered.Response.HasStarted ? answered.Response.StatusCode : StatusOf(context.GetInvocationResult().Value);
            }

            await AppendAsync(record.ToJsonString());
        }
    }

    private static int? StatusOf(object? result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : null;

    private async Task AppendAsync(string line)
    {
        await Appending.WaitAsync();
        try
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine);
        }
        finally
        {
            Appending.Release();
        }
    }
}

public static class InvocationRecordingExtensions
{
    /// <summary>Records invocations when <see cref="InvocationRecording.SettingName"/> is set; adds nothing otherwise.</summary>
    public static FunctionsApplicationBuilder UseInvocationRecording(this FunctionsApplicationBuilder builder)
    {
        if (builder.Configuration[InvocationRecording.SettingName] is { Length: > 0 })
        {
            builder.UseMiddleware<InvocationRecording>();
        }

        return builder;
    }
}
