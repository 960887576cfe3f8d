using System.Text.RegularExpressions;
using SocialWatch.Storage;

namespace SocialWatch.Functions.Hosting.Local;

/// <summary>
/// Every local trigger resolved from function.json, host.json and the app settings, before the host starts anything: a bad
/// schedule, a bad queue name or a missing app setting refuses the start with one message naming each function at fault.
/// </summary>
internal sealed partial class LocalTriggerPlan
{
    private readonly IConfiguration configuration;
    private readonly StorageNames names;
    private readonly ILogger<LocalTriggerPlan> logger;

    public LocalTriggerPlan(FunctionManifest manifest, IConfiguration configuration, StorageNames names, ILogger<LocalTriggerPlan> logger)
    {
        this.configuration = configuration;
        this.names = names;
        this.logger = logger;
        var timers = new List<TimerTrigger>();
        var queues = new List<QueueTrigger>();
        var problems = new List<string>();
        foreach (var function in manifest.Functions.Values.Where(f => f.Kind != TriggerKind.Http))
        {
            if (IsDisabled(function.Name))
            {
                LogDisabled(function.Name);
                continue;
            }

            try
            {
                if (function.Kind == TriggerKind.Timer)
                {
                    timers.Add(new TimerTrigger(function.Name, TimerSchedule.Parse(function, configuration), function.RunOnStartup));
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
            throw new InvalidOperationException("The local runtime cannot start the triggers: " + string.Join(" ", problems));
        }

        Timers = timers;
        Queues = queues;
    }

    public IReadOnlyList<TimerTrigger> Timers { get; }

    public IReadOnlyList<QueueTrigger> Queues { get; }

    /// <summary>The host's switch for turning one function off: app setting AzureWebJobs.{FunctionName}.Disabled = true.</summary>
    private bool IsDisabled(string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;

    private string QueueName(FunctionDefinition function)
    {
        var where = $"functions/{function.Name}/function.json 'queueName'";
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
    private partial void LogDisabled(string functionName);
}
