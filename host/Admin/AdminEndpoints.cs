using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Serialization;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialWatch.Host.Functions;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Timers;
using SocialWatch.Host.Worker;

namespace SocialWatch.Host.Admin;

/// <summary>The Functions host's admin API, the parts local runs need: the host's status, and running a non-HTTP function on demand.</summary>
public static partial class AdminEndpoints
{
    private static readonly string Version = typeof(AdminEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/host/status", GetStatus);
        admin.MapPost("/functions/{name}", RunFunction);
        return app;
    }

    /// <summary>As the Functions host reports it: state Running once the worker has loaded its functions.</summary>
    public static Ok<HostStatus> GetStatus(WorkerState state)
    {
        var uptime = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var functions = state.Current?.Functions.All.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        return TypedResults.Ok(new HostStatus(Environment.MachineName, state.State.ToString(), Version, uptime, state.Error is { } error ? [error] : null, functions));
    }

    /// <summary>
    /// Runs a timer or queue function once with the given input (a queue function gets it as its message; a timer ignores it),
    /// without its listener: no retry, no poison queue. 202 at once, as the Functions host answers; the outcome is logged.
    /// </summary>
    public static async Task<Results<Accepted, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> RunFunction(
        string name, RunInput? body, WorkerState state, IFunctionInvoker invoker, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var functions = await state.Functions.WaitAsync(cancellationToken);
        if (!functions.TryGet(name, out var function))
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "No such function", Detail = $"The worker has no function named '{name}'.", Status = StatusCodes.Status404NotFound });
        }

        var invocation = function.Kind switch
        {
            TriggerKind.Timer => FunctionInvocation.Create(function.Name, TimerInfoData.From(isPastDue: false, status: null), TriggerMetadata.None),
            TriggerKind.Queue => QueueMessageData.Invocation(function.Name, ManualMessage(body?.Input ?? string.Empty, time.GetUtcNow())),
            _ => null,
        };
        if (invocation is null)
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Not a timer or queue function", Detail = $"Function {function.Name} has a {function.Trigger.Type}; call an HTTP function at its route.", Status = StatusCodes.Status400BadRequest });
        }

        var logger = loggers.CreateLogger(typeof(AdminEndpoints).FullName!);
        LogRunOnDemand(logger, function.Name, invocation.InvocationId);
        _ = invoker.InvokeAsync(invocation, lifetime.ApplicationStopping);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>A message that never was in a queue: a fresh id, dequeue count 0, inserted now.</summary>
    private static QueueMessage ManualMessage(string text, DateTimeOffset now) =>
        QueuesModelFactory.QueueMessage(Guid.NewGuid().ToString(), string.Empty, BinaryData.FromString(text), dequeueCount: 0, nextVisibleOn: now, insertedOn: now, expiresOn: now.AddDays(7));

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} run on demand (Id={InvocationId})")]
    private static partial void LogRunOnDemand(ILogger logger, string functionName, string invocationId);

    /// <summary>The admin API's body: {"input": "..."}.</summary>
    public sealed record RunInput(string? Input);

    public sealed record HostStatus(
        string Id,
        string State,
        string Version,
        long ProcessUptime,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Functions);
}
