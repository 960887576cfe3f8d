using System.Text.RegularExpressions;
using SocialWatch.Host.Queues;
using SocialWatch.Host.Timers;
using SocialWatch.Storage;

namespace SocialWatch.Host.Functions;

/// <summary>
/// Every timer and queue trigger of the worker's functions, resolved against host.json and the app settings before any listener
/// starts: a bad schedule, a bad queue name or a missing app setting refuses the start with one message naming each function at
/// fault. Functions switched off by their AzureWebJobs.{Name}.Disabled setting are left out.
/// </summary>
public sealed partial class TriggerPlan
{
    private readonly IConfiguration configuration;
    private readonly StorageNames names;

    public TriggerPlan(FunctionCatalog catalog, IConfiguration configuration, StorageNames names, ILogger<TriggerPlan> logger)
    {
        this.configuration = configuration;
        this.names = names;
        var timers = new List<TimerTrigger>();
        var queues = new List<QueueTrigger>();
        var problems = new List<string>();
        foreach (var function in catalog.All.Where(f => f.Kind is TriggerKind.Timer or TriggerKind.Queue).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (IsDisabled(configuration, function.Name))
            {
                LogDisabled(logger, function.Name);
                continue;
            }

            try
            {
                if (function.Kind == TriggerKind.Timer)
                {
                    timers.Add(new TimerTrigger(function.Name, TimerSchedule.Parse(function.Name, function.Schedule, configuration), function.RunOnStartup));
                }
                else
                {
                    queues.Add(new QueueTrigger(function.Name, QueueName(function)));
                }
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The host cannot start the triggers: " + string.Join(" ", problems));
        }

        Timers = timers;
        Queues = queues;
    }

    public IReadOnlyList<TimerTrigger> Timers { get; }

    public IReadOnlyList<QueueTrigger> Queues { get; }

    /// <summary>The host's switch for turning one function off: app setting AzureWebJobs.{FunctionName}.Disabled = true.</summary>
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;

    /// <summary>The queue as the app's own senders name it: settings resolved, then the storage prefix (StorageNames.Queue).</summary>
    private string QueueName(WorkerFunction function)
    {
        var where = $"Function {function.Name}'s queueTrigger 'queueName'";
        var declared = function.QueueName ?? throw new InvalidOperationException($"{where} is missing: a queueTrigger needs the queue it listens to.");
        var name = names.Queue(AppSettingReferences.Resolve(declared, configuration, where));
        // The poison queue's name adds "-poison" and must be a valid queue name too (63 characters at most).
        return QueueNamePattern().IsMatch(name) && name.Length <= 63 - "-poison".Length
            ? name
            : throw new InvalidOperationException($"{where} gives queue '{name}': queue names are 3 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (room is left for '-poison').");
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,}$")]
    private static partial Regex QueueNamePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} is disabled by its AzureWebJobs.{FunctionName}.Disabled setting")]
    private static partial void LogDisabled(ILogger logger, string functionName);
}
