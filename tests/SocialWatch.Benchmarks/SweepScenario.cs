using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts;
using SocialWatch.Businesses;
using SocialWatch.Checks;
using SocialWatch.Checks.Health;
using SocialWatch.Checks.Sweeps;
using SocialWatch.Profiles;
using SocialWatch.Storage;
using SocialWatch.Tests.Infrastructure;

namespace SocialWatch.Benchmarks;

/// <summary>
/// A sweep of many profiles over many loopback hosts with added latency, through the app's own services (SweepProfiles'
/// and CheckProfile's code, run in this process so their storage operations are counted), against the politeness bound,
/// Azurite's own ceiling measured in the same run, and linkinator 6 on the same URL list.
/// </summary>
internal static class SweepScenario
{
    private const int PerHostConcurrency = 2;
    private static readonly int QueuedChecksTarget = new SweepOptions().QueuedChecksTarget;
    private const int ProfilesPerBusiness = 100;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Each part on an Azurite of its own, stopped after it: Azurite slows with everything a part leaves behind (10,000 profiles'
    /// tables, held checks, outbox messages; its queue with every message it holds, in any queue), so a shared one would slow
    /// whatever runs next.
    /// </summary>
    public static async Task<SweepFigures> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var (profiles, hosts, separateAzurite) = (options.SweepProfiles, options.SweepHosts, options.SeparateAzurite);
        await using var sites = await FakeSites.StartAsync(hosts, profiles, Latency);
        var workers = hosts * PerHostConcurrency * 2;
        var bound = hosts * PerHostConcurrency / Latency.TotalSeconds;
        Console.WriteLine(Invariant($"Profile sweep: {profiles} profiles over {hosts} loopback hosts, {Latency.TotalMilliseconds:0} ms added latency, {PerHostConcurrency} per host, MinimumInterval 0, {workers} workers; Azurite {(separateAzurite ? "as two processes (table, queue)" : "as one process")}, a fresh one for each part"));
        InProcessSweep inProcess;
        await using (var azurite = await AzuriteServer.StartAsync(separateAzurite))
        {
            inProcess = await InProcessAsync(azurite.ConnectionString, sites, profiles, workers, bound, cancellationToken);
        }

        await using (var azurite = await AzuriteServer.StartAsync(separateAzurite))
        {
            await using var services = Services(Settings(azurite.ConnectionString, sites, NewPrefix()));
            await QueueDepthAsync(services, workers, 10 * QueuedChecksTarget, cancellationToken);
        }

        await using (var azurite = await AzuriteServer.StartAsync(separateAzurite))
        {
            return await ThroughTheHostAsync(azurite.ConnectionString, options, sites, profiles, bound, inProcess, cancellationToken);
        }
    }

    /// <summary>The sweep through the app's own services in this process, so that its storage operations are counted.</summary>
    private static async Task<InProcessSweep> InProcessAsync(string storageConnection, FakeSites sites, int profiles, int workers, double bound, CancellationToken cancellationToken)
    {
        // The transitions' emails are sent as DispatchEmail sends them, while the checks run: Azurite's queue slows with every
        // message it holds, in any queue, so an outbox left to fill would slow the checks (the app drains it as it goes).
        await using var maildev = await MaildevServer.StartAsync();
        var settings = Settings(storageConnection, sites, NewPrefix());
        settings["SocialWatch:Smtp:Port"] = maildev.SmtpPort.ToString(CultureInfo.InvariantCulture);
        await using var services = Services(settings);

        // Single checks first, while nothing else is due: a sweep of only these.
        await PerPathAsync(services, sites, profiles, cancellationToken);
        await SeedAsync(services, sites, "bench", profiles, n => n, cancellationToken);

        var ceiling = await AzuriteCeilingAsync(services, workers, Math.Min(profiles, 4000), writeHealth: true, cancellationToken);
        var messageCeiling = await AzuriteCeilingAsync(services, workers, Math.Min(profiles, 4000), writeHealth: false, cancellationToken);
        Console.WriteLine(Invariant($"  Azurite's ceiling for one check's storage path (no HTTP: paced send, receive share, delete, grouped health insert; tally in memory): {ceiling:0} checks/s"));
        Console.WriteLine(Invariant($"  Azurite's ceiling for the message alone (paced send, receive share, delete: what one message per profile costs however little a check writes): {messageCeiling:0} checks/s = {messageCeiling / bound:0.00} of the politeness bound"));

        try
        {
            return await SweepInProcessAsync(services, sites, profiles, workers, bound, ceiling, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Azurite overwhelmed (on a loaded machine its requests time out): say so, and still run the sweep through the host.
            Console.WriteLine(Invariant($"  Sweep in this process: not measured, it failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}"));
            return new InProcessSweep(ceiling, 0, null, null, 0);
        }
    }

    /// <summary>The sweep as the timer runs it: the paced fan-out and the checks side by side, from the start of the fan-out to the last check.</summary>
    private static async Task<InProcessSweep> SweepInProcessAsync(ServiceProvider services, FakeSites sites, int profiles, int workers, double bound, double ceiling, CancellationToken cancellationToken)
    {
        var hosts = sites.Hosts;
        var operations = services.GetRequiredService<StorageOperations>();
        var before = (operations.Tables.Count, operations.Queues.Count);
        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var fanOut = FanOutAsync(services.GetRequiredService<ProfileSweep>(), clock, cancellationToken);
        using var checksDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var emails = DispatchEmailsAsync(services, checksDone.Token);
        var handled = await DrainAsync(services, workers, fanOut, cancellationToken);
        clock.Stop();
        await checksDone.CancelAsync();
        var sent = await emails;
        memory.Stop();
        var (summary, fanOutTime) = await fanOut;
        Console.WriteLine(Invariant($"  Emails of the transitions dispatched to maildev while the checks ran: {sent}"));
        Console.WriteLine(Invariant($"  Fan-out (paced: about {QueuedChecksTarget} checks kept on the queue): {summary.Enqueued} messages over {fanOutTime.TotalSeconds:0.0} s, alongside the checks{(summary.IsVoid ? $"; VOID: {summary.VoidReason}" : string.Empty)}"));
        var rate = handled / clock.Elapsed.TotalSeconds;
        var tables = operations.Tables.Count - before.Item1;
        var queues = operations.Queues.Count - before.Item2;
        Console.WriteLine(Invariant($"  Sweep, start of the fan-out to the last check: {handled} profiles in {clock.Elapsed.TotalSeconds:0.0} s = {rate:0} profiles/s; politeness bound {bound:0}/s ({hosts} x {PerHostConcurrency} / {Latency.TotalMilliseconds:0} ms): ratio {rate / bound:0.00} (target 0.9); Azurite ceiling {ceiling:0}/s: ratio {rate / ceiling:0.00}"));
        Console.WriteLine(Invariant($"  {(ceiling < 0.9 * bound ? "Azurite's ceiling for a check's storage path is below 0.9 of the politeness bound on this machine: the target cannot be reached here whatever the checks do." : "Azurite's ceiling for a check's storage path is above 0.9 of the politeness bound.")} {(rate < 0.8 * ceiling ? Invariant($"The sweep reaches {rate / ceiling:0.00} of that ceiling: the checks' own work (HTTP, parsing, the fake sites, the driver) shares the {Environment.ProcessorCount} cores with Azurite.") : string.Empty)}"));
        Console.WriteLine(Invariant($"  Peak memory of this benchmark process (app services + fake sites + driver) while checking: working set {memory.PeakWorkingSet / 1048576.0:0} MB, managed heap {memory.PeakManaged / 1048576.0:0} MB (the app's own figure is the worker process's, below)"));
        Console.WriteLine(Invariant($"  Storage operations per check, whole sweep with its fan-out (counted): {(tables + queues) / (double)handled:0.00} ({tables / (double)handled:0.00} table + {queues / (double)handled:0.00} queue; first sweep: every dead profile is a transition) (target 6)"));

        await CompareWithLinkinatorAsync(services, sites, profiles, clock.Elapsed, cancellationToken);
        return new InProcessSweep(ceiling, handled, tables / (double)handled, queues / (double)handled, sent);
    }

    /// <summary>
    /// The real thing: the published worker started by the local host, as users run it. SweepProfiles is run once through the
    /// host's admin endpoint (POST /admin/functions/SweepProfiles, as the Functions host offers it; its schedule never comes
    /// round during the run), CheckProfile and DispatchEmail by the host's queue listeners with host.json's batch settings,
    /// each invocation sent to the worker over gRPC. The run ends when every profile has a health record with a check; the
    /// worker's peak memory is its VmHWM from /proc. Storage operations cannot be counted in other processes: the counted
    /// figures are the in-process run's above.
    /// </summary>
    private static async Task<SweepFigures> ThroughTheHostAsync(string storageConnection, BenchmarkOptions options, FakeSites sites, int profiles, double bound, InProcessSweep inProcess, CancellationToken cancellationToken)
    {
        var settings = Settings(storageConnection, sites, NewPrefix());
        await using (var seeding = Services(settings))
        {
            await SeedAsync(seeding, sites, "bench", profiles, n => n, cancellationToken);
        }

        await using var maildev = await MaildevServer.StartAsync();
        settings["SocialWatch:Smtp:Port"] = maildev.SmtpPort.ToString(CultureInfo.InvariantCulture);
        settings["SWEEP_SCHEDULE"] = settings["AUDIT_SCHEDULE"] = settings["COLLECT_SCHEDULE"] = CostModel.Never;
        settings["OUTBOX_SCHEDULE"] = CostModel.OutboxSchedule;
        settings["Logging:LogLevel:Default"] = "Warning";
        // The fake sites are on loopback, which the checker may reach only in Development (the worker's environment).
        settings["AZURE_FUNCTIONS_ENVIRONMENT"] = settings["ASPNETCORE_ENVIRONMENT"] = settings["DOTNET_ENVIRONMENT"] = "Development";
        await using var app = await AppHost.StartAsync(settings, workerDirectory: options.Worker, hostAssembly: options.Host);
        await using var memory = new WorkerMemory(app.ProcessId);
        var workerPid = AppProcesses.FindWorker(app.ProcessId) ?? throw new InvalidOperationException($"No worker process ({AppProcesses.WorkerAssembly}) runs under the host {app.ProcessId}:{Environment.NewLine}{app.Output}");
        var (_, idle) = AppProcesses.Memory(workerPid);
        var cpu = (Host: AppProcesses.CpuTime(app.ProcessId), Worker: AppProcesses.CpuTime(workerPid));

        await using var reading = Services(settings);
        var health = reading.GetRequiredService<IProfileHealthStore>();
        var businesses = Enumerable.Range(0, (profiles + ProfilesPerBusiness - 1) / ProfilesPerBusiness).Select(b => BusinessId("bench", b)).ToArray();
        var started = DateTimeOffset.UtcNow;
        using (var run = await app.Client.PostAsync("admin/functions/SweepProfiles", new StringContent("{\"input\":\"\"}", System.Text.Encoding.UTF8, "application/json"), cancellationToken))
        {
            if (run.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /admin/functions/SweepProfiles answered {(int)run.StatusCode}: {await run.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        var deadline = started.AddMinutes(20);
        var (checkedCount, firstCheck, lastCheck) = (0, DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        while (checkedCount < profiles && DateTimeOffset.UtcNow < deadline && !app.HasExited)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var checks = new List<DateTimeOffset>();
            foreach (var business in businesses)
            {
                checks.AddRange((await health.ListAsync(business, cancellationToken)).Select(h => h.Value.LastCheck?.CheckedAt).OfType<DateTimeOffset>());
            }

            (checkedCount, firstCheck, lastCheck) = checks.Count == 0 ? (0, firstCheck, lastCheck) : (checks.Count, checks.Min(), checks.Max());
        }

        var used = (Host: AppProcesses.CpuTime(app.ProcessId) - cpu.Host, Worker: AppProcesses.FindWorker(app.ProcessId) == workerPid ? AppProcesses.CpuTime(workerPid) - cpu.Worker : TimeSpan.Zero);
        await memory.StopAsync();
        var emails = (await maildev.EmailsAsync()).Count;
        var span = (lastCheck - firstCheck).TotalSeconds;
        var whole = (lastCheck - started).TotalSeconds;
        var rate = checkedCount / whole;
        var perCheck = Math.Max(1, checkedCount);
        Console.WriteLine(Invariant($"  Through the local host (the published worker in its own process, started by the host; SweepProfiles run by POST /admin/functions/SweepProfiles at {started:HH:mm:ss}, CheckProfile and DispatchEmail by the host's queue listeners, host.json batchSize/newBatchThreshold):"));
        Console.WriteLine(Invariant($"    {checkedCount} of {profiles} profiles checked{(checkedCount < profiles ? " (stopped at the 20-minute deadline or the host's exit)" : string.Empty)}; sweep start to last check {whole:0.0} s = {rate:0} profiles/s (first to last check {span:0.0} s); {emails} transition emails reached maildev meanwhile"));
        Console.WriteLine(Invariant($"    ratio to Azurite's check-path ceiling measured above in this run ({inProcess.Ceiling:0}/s): {rate / inProcess.Ceiling:0.00} (target >= 0.8); to the politeness bound ({bound:0}/s): {rate / bound:0.00}"));
        Console.WriteLine(Invariant($"    CPU per check: worker {used.Worker.TotalMilliseconds / perCheck:0.00} ms, host {used.Host.TotalMilliseconds / perCheck:0.00} ms (queue listeners, gRPC); Azurite, the fake sites and this driver share the same {Environment.ProcessorCount} cores"));
        Console.WriteLine(Invariant($"    the worker's peak memory (VmHWM of {(memory.Workers == 1 ? "its process" : Invariant($"its {memory.Workers} processes: it was restarted"))}): {AppProcesses.Megabytes(memory.Peak)} (target <= 300 MB); resident before the sweep {AppProcesses.Megabytes(idle)}. Storage operations are counted in the in-process run above (not countable in another process)."));
        return new SweepFigures(checkedCount, whole, rate, inProcess.Ceiling, memory.Peak, inProcess.TablePerCheck, inProcess.QueuePerCheck, emails);
    }

    /// <summary>Storage operations of single checks, one at a time: an alive profile with no transition, and a dead one's transition (with its email).</summary>
    private static async Task PerPathAsync(ServiceProvider services, FakeSites sites, int offset, CancellationToken cancellationToken)
    {
        var operations = services.GetRequiredService<StorageOperations>();
        await SeedAsync(services, sites, "probe", 20, i => offset + (i < 10 ? 10 + (i * 100) : i * 100 - 1000), cancellationToken);
        var summary = await services.GetRequiredService<ProfileSweep>().RunAsync(cancellationToken);
        var queue = Queue(services);
        var runner = services.GetRequiredService<ProfileCheckRunner>();
        var typical = new List<long>();
        var transition = new List<long>();
        for (var i = 0; i < summary.Enqueued; i++)
        {
            var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), cancellationToken)).Value;
            if (received.Length == 0)
            {
                break;
            }

            var message = CheckProfileMessage.Read(received[0].Body.ToString());
            var start = operations.Total;
            var outcome = await runner.RunAsync(message, cancellationToken);
            await queue.DeleteMessageAsync(received[0].MessageId, received[0].PopReceipt, cancellationToken);
            var used = operations.Total - start;
            var n = int.Parse(message.ProfileId.Split('-')[^1], CultureInfo.InvariantCulture);
            if (message.BusinessId.StartsWith("probe", StringComparison.Ordinal) && outcome == CheckRunOutcome.Applied)
            {
                (n % 100 < 4 ? transition : typical).Add(used);
            }
        }

        Console.WriteLine(Invariant($"  Per check, counted one at a time (+ its share of a 32-message receive, 1/32 op): typical path (alive, no transition) {Median(typical)} ops [{string.Join(' ', typical.Distinct().Order())}]; transition path (declared dead, email recorded) {Median(transition)} ops [{string.Join(' ', transition.Distinct().Order())}]"));
        Console.WriteLine("    typical = ETag-conditional write of the health the message carries + message delete (the tally counts in memory: one write per instance per second); transition adds a health read (an email is never decided on a carried copy), the outbox insert and its queue message; whom to email (business, plan, profile, linking pages) comes in the message");
    }

    private static async Task CompareWithLinkinatorAsync(ServiceProvider services, FakeSites sites, int profiles, TimeSpan ours, CancellationToken cancellationToken)
    {
        var cli = RepositoryRoot.Combine("node_modules", "linkinator", "build", "src", "cli.js");
        if (!File.Exists(cli))
        {
            Console.WriteLine($"  linkinator: not installed at {cli} (run npm ci)");
            return;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, sites.LinksPage.AbsoluteUri, "--format", "json", "--concurrency", (sites.Hosts * PerHostConcurrency).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        await stderr;

        var theirs = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(output))
        {
            foreach (var link in json.RootElement.GetProperty("links").EnumerateArray())
            {
                var status = link.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32().ToString(CultureInfo.InvariantCulture) : "-";
                theirs[link.GetProperty("url").GetString()!] = $"{link.GetProperty("state").GetString()} {status}";
            }
        }

        var health = services.GetRequiredService<IProfileHealthStore>();
        var rows = new ConcurrentDictionary<(string Ours, string Theirs, string Expected), int>();
        for (var business = 0; business * ProfilesPerBusiness < profiles; business++)
        {
            foreach (var record in await health.ListAsync(BusinessId("bench", business), cancellationToken))
            {
                var n = int.Parse(record.Value.ProfileId.Split('-')[^1], CultureInfo.InvariantCulture);
                var verdict = record.Value.LastCheck is { } last ? WireNames.Name(last.Class) : "(not checked)";
                rows.AddOrUpdate((verdict, theirs.GetValueOrDefault(sites.ProfileUrl(n).AbsoluteUri, "(not checked)"), FakeSites.Expected(n)), 1, (_, c) => c + 1);
            }
        }

        Console.WriteLine(Invariant($"  linkinator 6 on the same {profiles} URLs (concurrency {sites.Hosts * PerHostConcurrency}, no per-host limit): {clock.Elapsed.TotalSeconds:0.0} s; SocialWatch's checks {ours.TotalSeconds:0.0} s; wall-time ratio SocialWatch / linkinator {ours / clock.Elapsed:0.00}"));
        Console.WriteLine("    count  SocialWatch     linkinator     what the site really said");
        foreach (var ((o, t, e), count) in rows.OrderBy(r => r.Key.Expected, StringComparer.Ordinal))
        {
            var note = (o, t) switch
            {
                ("dead", _) when t.StartsWith("BROKEN", StringComparison.Ordinal) => "agree",
                ("alive", _) when t.StartsWith("OK", StringComparison.Ordinal) => "agree",
                ("blocked", _) => "differ: SocialWatch is right (a refusal of bots is not a missing profile)",
                ("rate-limited", _) when t.StartsWith("OK", StringComparison.Ordinal) => "differ: not asked (the host's 429 said wait an hour, so SocialWatch held its checks until then); neither is wrong, SocialWatch is politer",
                ("rate-limited", _) => "differ: SocialWatch is right (asked to come back later; held until then, not broken)",
                ("transient", _) => "differ on words: neither says dead; SocialWatch retries at the next sweep",
                _ => "differ",
            };
            Console.WriteLine(Invariant($"    {count,5}  {o,-15} {t,-14} {e}: {note}"));
        }
    }

    private static async Task<(SweepSummary Summary, TimeSpan Took)> FanOutAsync(ProfileSweep sweep, Stopwatch clock, CancellationToken cancellationToken)
    {
        var summary = await sweep.RunAsync(cancellationToken);
        return summary.Continued
            ? throw new InvalidOperationException("The fan-out ran out of its budget; the benchmark sets it long enough for one run.")
            : (summary, clock.Elapsed);
    }

    /// <summary>Sends the outbox's emails as DispatchEmail does, one at a time, until <paramref name="stop"/>; returns how many.</summary>
    private static async Task<int> DispatchEmailsAsync(ServiceProvider services, CancellationToken stop)
    {
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue(OutboxQueue.QueueName));
        var outbox = services.GetRequiredService<Outbox>();
        await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        var sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None)).Value;
            foreach (var message in batch)
            {
                await outbox.DispatchAsync(OutboxQueue.Read(message.Body.ToString()), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                sent++;
            }

            if (batch.Length == 0)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }

        return sent;
    }

    /// <summary>Takes check messages as a queue listener would, until the fan-out has ended and every check it enqueued is handled.</summary>
    private static async Task<int> DrainAsync(ServiceProvider services, int workers, Task<(SweepSummary Summary, TimeSpan Took)> fanOut, CancellationToken cancellationToken)
    {
        var queue = Queue(services);
        var runner = services.GetRequiredService<ProfileCheckRunner>();
        var channel = Channel.CreateBounded<QueueMessage>(workers * 2);
        var handled = 0;
        var failed = 0;
        var receiver = Task.Run(
            async () =>
            {
                var received = 0;
                while (!fanOut.IsCompleted || received < (await fanOut).Summary.Enqueued)
                {
                    var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
                    if (batch.Length == 0)
                    {
                        await Task.Delay(20, cancellationToken);
                        continue;
                    }

                    foreach (var message in batch)
                    {
                        await channel.Writer.WriteAsync(message, cancellationToken);
                    }

                    received += batch.Length;
                }

                channel.Writer.Complete();
            },
            cancellationToken);
        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    try
                    {
                        await runner.RunAsync(CheckProfileMessage.Read(message.Body.ToString()), cancellationToken);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                        Interlocked.Increment(ref handled);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // As the queue listener would: the message stays for a retry; the run says how many failed and why.
                        if (Interlocked.Increment(ref failed) == 1)
                        {
                            Console.WriteLine($"  first failed check: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }
            },
            cancellationToken)).ToArray();
        await receiver;
        await Task.WhenAll(consumers);
        if (failed > 0)
        {
            Console.WriteLine(Invariant($"  {failed} checks failed (left on the queue for a retry)"));
        }

        return handled;
    }

    /// <summary>
    /// The storage path of a check without its HTTP request, as fast as Azurite allows with the same concurrency: the same paced
    /// fan-out onto the check-profile queue (before the sweep, which finds it empty), receive, ETag-less health insert, delete.
    /// </summary>
    private static async Task<double> AzuriteCeilingAsync(ServiceProvider services, int workers, int items, bool writeHealth, CancellationToken cancellationToken)
    {
        var queue = Queue(services);
        var health = services.GetRequiredService<IProfileHealthStore>();
        var tallies = services.GetRequiredService<SweepTallies>();
        var pacing = new QueuePacing(services.GetRequiredService<CheckQueue>(), TimeProvider.System, services.GetRequiredService<IOptions<SweepOptions>>().Value);
        var checks = Enumerable.Range(0, items).Select(i => new CheckProfileMessage("ceiling", "ceiling", $"p-{i:000000}", new Uri("https://example.com/p"), Network.Other, 3)).ToArray();
        var done = 0;
        var clock = Stopwatch.StartNew();
        var feeding = pacing.SendAsync(checks, cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, workers / 8), new ParallelOptions { MaxDegreeOfParallelism = workers / 8, CancellationToken = cancellationToken }, async (_, token) =>
        {
            while (Volatile.Read(ref done) < items)
            {
                var batch = (await queue.ReceiveMessagesAsync(8, TimeSpan.FromMinutes(5), token)).Value;
                if (batch.Length == 0)
                {
                    await Task.Delay(20, token);
                    continue;
                }

                await Task.WhenAll(batch.Select(async message =>
                {
                    if (writeHealth)
                    {
                        // Grouped per business of 100 profiles, as the checks' writes are (the fan-out goes business by business).
                        var check = CheckProfileMessage.Read(message.Body.ToString());
                        await health.WriteGroupedAsync(ProfileHealth.New(new ProfileKey("ceiling-" + check.ProfileId[..^2], check.ProfileId)) with { NextCheckAt = DateTimeOffset.UtcNow }, null, token);
                        await tallies.RecordAsync("ceiling", CheckClass.Alive, token);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
                    Interlocked.Increment(ref done);
                }));
            }
        });
        await feeding;
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Whether Azurite's queue slows as it grows: the receive-and-delete rate of the fan-out's target number of messages taken
    /// from a queue holding that many, then from one holding <paramref name="deep"/> (messages the size of a check message).
    /// </summary>
    private static async Task QueueDepthAsync(ServiceProvider services, int workers, int deep, CancellationToken cancellationToken)
    {
        try
        {
            await MeasureQueueDepthAsync(services, workers, deep, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException)
        {
            // A measurement, last in the run: say why it has no figure (on a loaded machine Azurite's requests have timed out).
            Console.WriteLine($"  Azurite's queue depth: not measured: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    private static async Task MeasureQueueDepthAsync(ServiceProvider services, int workers, int deep, CancellationToken cancellationToken)
    {
        var taken = QueuedChecksTarget;
        var body = new string('x', 1500);
        var rates = new List<double>();
        var lost = 0;
        foreach (var depth in new[] { taken, deep })
        {
            var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue($"depth{depth}"));
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Parallel.ForEachAsync(Enumerable.Range(0, depth), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (_, token) => await queue.SendMessageAsync(body, token));
            var done = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, workers / 8), new ParallelOptions { MaxDegreeOfParallelism = workers / 8, CancellationToken = cancellationToken }, async (_, token) =>
            {
                while (Interlocked.Add(ref done, 32) <= taken + 31)
                {
                    var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), token)).Value;
                    await Task.WhenAll(batch.Select(async m =>
                    {
                        try
                        {
                            await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, token);
                        }
                        catch (Azure.RequestFailedException e) when (e.Status == 404)
                        {
                            // Its lease ran out before the delete (a very busy machine): received again later, so not counted twice.
                            Interlocked.Increment(ref lost);
                        }
                    }));
                }
            });
            rates.Add(taken / clock.Elapsed.TotalSeconds);
            await queue.DeleteAsync(cancellationToken);
        }

        Console.WriteLine(Invariant($"  Azurite's queue depth: receive + delete of {taken} messages from a queue holding {taken} (the fan-out's target): {rates[0]:0}/s; holding {deep}: {rates[1]:0}/s (ratio {rates[1] / rates[0]:0.00}){(lost > 0 ? $"; {lost} deletes found their message gone" : string.Empty)}"));
    }

    private static async Task SeedAsync(ServiceProvider services, FakeSites sites, string prefix, int count, Func<int, int> profileNumber, CancellationToken cancellationToken)
    {
        var businesses = services.GetRequiredService<IBusinessStore>();
        var profiles = services.GetRequiredService<IProfileStore>();
        var now = DateTimeOffset.UtcNow;
        for (var business = 0; business * ProfilesPerBusiness < count; business++)
        {
            await businesses.InsertAsync(new Business(BusinessId(prefix, business), $"Bench {business}", ["https://bench.example/"], Audience.Consumer, "UTC", new Person("Bench", "bench@bench.example"), [], now, now), cancellationToken);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var n = profileNumber(i);
            await profiles.InsertAsync(new Profile(BusinessId(prefix, i / ProfilesPerBusiness), $"p-{n:000000}", Network.Other, sites.ProfileUrl(n).AbsoluteUri, $"p{n}", null, null, now, now), token);
        });
    }

    private static string BusinessId(string prefix, int business) => $"{prefix}-{business:0000}";

    private static QueueClient Queue(ServiceProvider services) =>
        services.GetRequiredService<QueueServiceClient>().GetQueueClient(services.GetRequiredService<StorageNames>().Queue(CheckQueue.QueueName));

    private static string NewPrefix() => "bench" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The app settings of both runs: the in-process services' configuration, and the host's (and so the worker's) environment.</summary>
    private static Dictionary<string, string?> Settings(string storageConnection, FakeSites sites, string prefix) => new()
    {
        ["AzureWebJobsStorage"] = storageConnection,
        ["SocialWatch:Storage:Prefix"] = prefix,
        ["SocialWatch:Api:AdminKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["SocialWatch:SignInLinks:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["SocialWatch:Smtp:Host"] = "127.0.0.1",
        ["SocialWatch:Checks:AllowLoopback"] = "true",
        ["SocialWatch:Checks:MinimumInterval"] = "00:00:00",
        ["SocialWatch:Checks:PerHostConcurrency"] = PerHostConcurrency.ToString(CultureInfo.InvariantCulture),
        ["SocialWatch:Checks:MaxRetries"] = "0",
        // Long enough for one run to fan out every profile of the benchmark (the default, 4 minutes, is sized for a timer's timeout).
        ["SocialWatch:Checks:Sweep:FanOutBudget"] = "00:08:00",
        ["SocialWatch:Checks:SweepGuard:CanaryUrls:0"] = sites.Canary.AbsoluteUri,
        // One dead result is enough here, so the first sweep also exercises the transition path (alert recorded).
        ["SocialWatch:Checks:DeadDeclaration:ConsecutiveDeadResults"] = "1",
        ["SocialWatch:Checks:DeadDeclaration:MinimumSpan"] = "00:00:00",
    };

    /// <summary>The app's services (storage, tenants, alerts, checks, collection, engagement) in this process, their storage operations counted.</summary>
    internal static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "SocialWatch.Benchmarks", ContentRootPath = AppContext.BaseDirectory });
        services.AddSocialWatchStorage(configuration).AddTenants(configuration);
        SocialWatch.Alerts.AlertsServiceCollectionExtensions.AddAlerts(services, configuration);
        services.AddProfileMonitoring(configuration);
        SocialWatch.Collectors.CollectorsServiceCollectionExtensions.AddProfileCollection(services, configuration);
        SocialWatch.Engagement.EngagementServiceCollectionExtensions.AddEngagement(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static string Median(List<long> values) =>
        values.Count == 0 ? "n/a" : Invariant($"{values.Order().ElementAt(values.Count / 2) + 1.0 / 32:0.0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Samples this process's working set and managed heap every 50 ms, keeping the peaks.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampler;

        public PeakMemory()
        {
            sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                    PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
                    await Task.Delay(50).ConfigureAwait(false);
                }
            });
        }

        public long PeakWorkingSet { get; private set; }

        public long PeakManaged { get; private set; }

        public void Stop()
        {
            stop.Cancel();
            sampler.Wait();
        }

        public void Dispose() => stop.Dispose();
    }
}

/// <summary>The in-process sweep's figures that the run through the host is compared with.</summary>
internal sealed record InProcessSweep(double Ceiling, int Checked, double? TablePerCheck, double? QueuePerCheck, int Emails);

/// <summary>The sweep through the host: checks, seconds from the sweep's start to the last check, rate, the ceiling it is compared with, the worker's peak memory; storage per check counted in process.</summary>
internal sealed record SweepFigures(int Checked, double Seconds, double Rate, double Ceiling, long WorkerPeakBytes, double? TablePerCheck, double? QueuePerCheck, int Emails);
