using System.Globalization;
using System.Text.Json;

namespace SocialWatch.Functions.Hosting;

/// <summary>
/// The Functions host's custom-handler protocol for non-HTTP triggers: it POSTs {Data, Metadata} to /{FunctionName}
/// and reads {Outputs, Logs, ReturnValue}; any non-2xx answer fails the invocation (retry, then poison).
/// </summary>
public static class CustomHandlerProtocol
{
    // The host reads Outputs, Logs and ReturnValue by these exact names.
    private static readonly JsonSerializerOptions ResponseJson = new() { PropertyNamingPolicy = null };

    public static IEndpointRouteBuilder MapCustomHandlerProtocol(this IEndpointRouteBuilder app)
    {
        // The host polls GET / until it answers: keep it free of any work.
        app.MapGet("/", () => Results.Ok(new { status = "ready" })).ExcludeFromDescription();
        app.MapPost("/{functionName}", InvokeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> InvokeAsync(string functionName, HttpRequest request, FunctionInvoker invoker, FunctionManifest manifest, CancellationToken cancellationToken)
    {
        if (!invoker.Knows(functionName, out var kind) || kind == TriggerKind.Http)
        {
            return Results.Json(InvocationResponse.Failed($"No timer or queue function is named '{functionName}'."), ResponseJson, statusCode: StatusCodes.Status404NotFound);
        }

        // Reading the payload and running the function fail differently: a payload we cannot read is the caller's fault (400),
        // whatever the function throws is a failed invocation (500), even a FormatException of its own.
        var trigger = manifest[functionName].Trigger.Name;
        TimerInvocation? timer = null;
        QueueInvocation? message = null;
        try
        {
            var payload = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
            if (kind == TriggerKind.Timer)
            {
                timer = ReadTimer(payload, trigger);
            }
            else
            {
                message = ReadQueueMessage(payload, trigger);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return Results.Json(InvocationResponse.Failed($"The invocation payload cannot be read: {e.Message}"), ResponseJson, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await (timer is not null
                ? invoker.InvokeTimerAsync(functionName, timer, cancellationToken)
                : invoker.InvokeQueueAsync(functionName, message!, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Non-2xx makes the host count a failed try; the exception is already logged by the invoker.
            return Results.Json(InvocationResponse.Failed($"{functionName} failed: {e.GetType().Name}: {e.Message}"), ResponseJson, statusCode: StatusCodes.Status500InternalServerError);
        }

        return Results.Json(InvocationResponse.Succeeded(), ResponseJson);
    }

    public static QueueInvocation ReadQueueMessage(JsonElement payload, string bindingName)
    {
        var data = Property(payload, "Data") ?? throw new FormatException("The invocation has no 'Data'.");
        var value = Property(data, bindingName) ?? throw new FormatException($"The invocation's Data has no '{bindingName}'.");
        var metadata = Property(payload, "Metadata");
        return new QueueInvocation(
            Id: Text(metadata, "Id") ?? string.Empty,
            Body: MessageText(value),
            DequeueCount: long.TryParse(Text(metadata, "DequeueCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            InsertionTime: DateTimeOffset.TryParse(Text(metadata, "InsertionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var inserted) ? inserted : null);
    }

    public static TimerInvocation ReadTimer(JsonElement payload, string bindingName)
    {
        var data = Property(payload, "Data") ?? throw new FormatException("The invocation has no 'Data'.");
        var value = Property(data, bindingName) ?? throw new FormatException($"The invocation's Data has no '{bindingName}'.");
        if (value.ValueKind == JsonValueKind.String)
        {
            // Some host versions pass the timer object JSON-encoded as a string.
            value = JsonSerializer.Deserialize<JsonElement>(value.GetString()!);
        }

        var isPastDue = Property(value, "IsPastDue") is { ValueKind: JsonValueKind.True };
        var status = Property(value, "ScheduleStatus");
        TimerScheduleStatus? scheduleStatus = status is { ValueKind: JsonValueKind.Object } st
            && DateTimeOffset.TryParse(Text(st, "Last"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var last)
            && DateTimeOffset.TryParse(Text(st, "Next"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var next)
            && DateTimeOffset.TryParse(Text(st, "LastUpdated"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated)
                ? new TimerScheduleStatus(last, next, updated)
                : null;
        return new TimerInvocation(isPastDue, scheduleStatus);
    }

    /// <summary>A queue string can arrive as is or JSON-encoded a second time ("\"text\""); a JSON message may arrive as an object.</summary>
    private static string MessageText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { } e && Property(e, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.String => MessageText(value),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
}

/// <summary>What the host reads back. Outputs stay empty: functions write to storage through the SDK, in both runtimes alike.</summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResponse Succeeded() => new(new Dictionary<string, object?>(), [], null);

    public static InvocationResponse Failed(string error) => new(new Dictionary<string, object?>(), [error], null);
}
