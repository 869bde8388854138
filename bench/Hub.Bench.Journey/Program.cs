using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hub.Bench.Journey;

// Simulated citizens for bench/journey.sh (see bench/README.md, "Journey").
//
//   journeys: CITIZENS citizens, CONCURRENCY at a time, each with its own cookie jar (own antiforgery cookie, own
//     anonymous session) and its own draft, each doing the whole journey of the service: GET the service page, POST
//     start, for every step GET it and POST valid answers (on one step first an answer with a required field empty,
//     which must come back with its error), GET the review page, POST submit, GET the receipt with its case number.
//     Every answer is checked (status and a marker in the body); a journey with a failed check is counted failed.
//     Warm-up journeys first (--warmup-journeys, or for --warmup-seconds), not measured. Writes a JSON report (--out) and prints a summary.
//   drafts: --count fresh drafts, each in its own anonymous session (service page, start, first step shown), and
//     one line per draft: <first step's path> TAB <Cookie header>, for the wrk run of step GETs.
//
// Usage:
//   Hub.Bench.Journey journeys --base http://127.0.0.1:5200 --tenant tyreso --service-file synpunkter.service.json
//       [--citizens 200] [--concurrency 16] [--warmup-journeys N | --warmup-seconds 15] [--error-page 0] [--hub-pid PID] [--db-pid PID]
//       [--clk-tck 100] --out report.json
//   Hub.Bench.Journey drafts --base … --tenant tyreso --service-file … --count 2000 [--parallel 8] --out drafts.tsv
if (args.Length == 0 || args[0] is not ("journeys" or "drafts"))
{
    Console.Error.WriteLine("usage: Hub.Bench.Journey journeys|drafts --base URL --tenant SLUG --service-file FILE --out FILE [options]");
    return 2;
}

var baseUrl = new Uri(Argument("--base") ?? "http://127.0.0.1:5200");
var tenant = Argument("--tenant") ?? "tyreso";
var form = ServiceForm.Load(Argument("--service-file") ?? throw new ArgumentException("--service-file is required"));
var output = Argument("--out") ?? throw new ArgumentException("--out is required");
form.CheckAnswerable();

using var sockets = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    ConnectTimeout = TimeSpan.FromSeconds(10),
};
using var http = new HttpClient(sockets) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
var settings = new JourneySettings(http, baseUrl, tenant, form, Number("--error-page", 0));
if (settings.ErrorPage < 0 || settings.ErrorPage >= form.Pages.Count)
{
    throw new ArgumentException($"--error-page must be 0..{form.Pages.Count - 1}");
}

return args[0] == "drafts" ? await DraftsAsync() : await JourneysAsync();

async Task<int> JourneysAsync()
{
    var citizens = Number("--citizens", 200);
    var concurrency = Number("--concurrency", 16);
    var warmup = TimeSpan.FromSeconds(Number("--warmup-seconds", 15));
    // A number of warm-up journeys, when given, instead of a time: the measured phase then always starts with as many
    // cases (and sent e-mails) in the database, whatever the machine's speed.
    var warmupJourneys = Number("--warmup-journeys", 0);
    var hubPid = Number("--hub-pid", 0);
    var dbPid = Number("--db-pid", 0);
    var hz = Number("--clk-tck", 100);
    var next = 0;

    var warmStarted = 0;
    Log(warmupJourneys > 0
        ? $"warm-up: {warmupJourneys} journeys at {concurrency} at a time, not measured"
        : $"warm-up: journeys for {warmup.TotalSeconds:F0} s at {concurrency} at a time, not measured");
    var warm = warmupJourneys > 0
        ? await PhaseAsync(concurrency, () => Interlocked.Increment(ref warmStarted) <= warmupJourneys, null)
        : await PhaseAsync(concurrency, () => true, warmup);
    Log($"  {warm.Completed} journeys, {warm.Failed} failed, {warm.Completed / warm.Seconds:F1}/s");
    if (warm.Completed == 0)
    {
        Report(warm);
        Log("no journey completed during the warm-up; stopping");
        return 1;
    }

    Log($"measured: {citizens} citizens, {concurrency} at a time");
    var startedCount = 0;
    var before = CpuSample.Take(hubPid, dbPid);
    var run = await PhaseAsync(concurrency, () => Interlocked.Increment(ref startedCount) <= citizens, null);
    var cpu = CpuSample.Take(hubPid, dbPid) - before;
    Report(run);

    var perJourney = (long ticks) => run.Completed == 0 ? double.NaN : ticks * 1e6 / hz / run.Completed;
    var others = Math.Max(0, 100.0 * (cpu.Busy - cpu.Hub - cpu.Database - cpu.Driver) / (run.Seconds * hz * Environment.ProcessorCount));
    var kinds = Enum.GetValues<RequestKind>().Select(kind => (Kind: kind, Stats: run.Latency.Summary(kind))).ToArray();
    Log(FormattableString.Invariant(
        $"{run.Completed} of {citizens} journeys completed in {run.Seconds:F2} s: {run.Completed / run.Seconds:F1} journeys/s, {run.Failed} failed"));
    Log(FormattableString.Invariant(
        $"CPU per journey: hub {perJourney(cpu.Hub):F0} us, database server {(dbPid > 0 ? perJourney(cpu.Database).ToString("F0", CultureInfo.InvariantCulture) + " us" : "in the hub")}, driver {perJourney(cpu.Driver):F0} us; other processes {others:F0} % of the machine"));
    foreach (var (kind, stats) in kinds)
    {
        Log(FormattableString.Invariant($"  {Name(kind),-12} {stats.Count,6} requests  p50 {stats.P50,8:F2} ms  p99 {stats.P99,8:F2} ms  max {stats.Max,8:F2} ms"));
    }

    var report = new Dictionary<string, object?>
    {
        ["citizens"] = citizens,
        ["concurrency"] = concurrency,
        ["warmupSeconds"] = warm.Seconds,
        ["warmupJourneys"] = warm.Completed,
        ["warmupFailed"] = warm.Failed,
        ["completed"] = run.Completed,
        ["failed"] = run.Failed,
        ["failuresByKind"] = run.FailuresByKind.ToDictionary(f => Name(f.Key), f => f.Value),
        ["failureSamples"] = run.Samples.ToArray(),
        ["distinctCases"] = run.Cases,
        ["wallSeconds"] = run.Seconds,
        ["journeysPerSecond"] = run.Completed / run.Seconds,
        ["requests"] = run.Latency.Count,
        ["hubCpuUsPerJourney"] = perJourney(cpu.Hub),
        ["dbCpuUsPerJourney"] = dbPid > 0 ? perJourney(cpu.Database) : null,
        ["driverCpuUsPerJourney"] = perJourney(cpu.Driver),
        ["othersCpuPercent"] = others,
        ["kinds"] = kinds.Select(k => new Dictionary<string, object>
        {
            ["kind"] = Name(k.Kind),
            ["count"] = k.Stats.Count,
            ["p50Ms"] = k.Stats.P50,
            ["p99Ms"] = k.Stats.P99,
            ["maxMs"] = k.Stats.Max,
        }).ToArray(),
    };
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    }));
    return 0;

    async Task<Phase> PhaseAsync(int workers, Func<bool> more, TimeSpan? duration)
    {
        var phase = new Phase();
        var cases = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while ((duration is null || clock.Elapsed < duration) && more())
            {
                var journey = new CitizenJourney(settings, Interlocked.Increment(ref next), phase.Latency);
                try
                {
                    var caseNumber = await journey.RunAsync(CancellationToken.None);
                    if (!cases.TryAdd(caseNumber, true))
                    {
                        throw new JourneyException($"case number {caseNumber} was given to two journeys");
                    }

                    Interlocked.Increment(ref phase.Completed);
                }
                catch (Exception e) when (e is JourneyException or HttpRequestException or TaskCanceledException or NotSupportedException)
                {
                    phase.Fail(journey.Current, e.Message);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        phase.Seconds = clock.Elapsed.TotalSeconds;
        phase.Cases = cases.Count;
        return phase;
    }
}

async Task<int> DraftsAsync()
{
    var count = Number("--count", 2000);
    var parallel = Number("--parallel", 8);
    var lines = new string?[count];
    var phase = new Phase();
    var clock = Stopwatch.StartNew();
    await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
    {
        var citizen = new CitizenJourney(settings, i, phase.Latency);
        try
        {
            var (draftPath, step) = await citizen.StartAsync(ct);
            var stepPath = $"{draftPath}/{step}";
            await citizen.CheckStepAsync(stepPath, ct);
            lines[i] = $"{stepPath}\t{citizen.CookieHeader}";
        }
        catch (Exception e) when (e is JourneyException or HttpRequestException or TaskCanceledException)
        {
            phase.Fail(citizen.Current, e.Message);
        }
    });
    var done = lines.OfType<string>().ToArray();
    await File.WriteAllLinesAsync(output, done);
    Report(phase);
    Console.WriteLine(FormattableString.Invariant(
        $"prepared {done.Length} drafts in {clock.Elapsed.TotalSeconds:F1} s, each in its own session, {phase.Failed} failed"));
    return phase.Failed == 0 ? 0 : 1;
}

static string Name(RequestKind kind) => kind switch
{
    RequestKind.ServiceGet => "service GET",
    RequestKind.StartPost => "start POST",
    RequestKind.StepGet => "step GET",
    RequestKind.StepPost => "step POST",
    RequestKind.ErrorPost => "error POST",
    RequestKind.ReviewGet => "review GET",
    RequestKind.SubmitPost => "submit POST",
    _ => "receipt GET",
};

static void Log(string message) => Console.Error.WriteLine(message);

static void Report(Phase phase)
{
    foreach (var (kind, failures) in phase.FailuresByKind)
    {
        Log($"  failed at {Name(kind)}: {failures}");
    }

    foreach (var sample in phase.Samples)
    {
        Log($"    {sample}");
    }
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Number(string name, int fallback) =>
    Argument(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

/// <summary>Journeys of one phase: how many completed and failed, where they failed, the latencies.</summary>
internal sealed class Phase
{
    private const int MaxSamples = 10;
    private readonly ConcurrentQueue<string> _samples = new();

    public int Completed;
    public int Failed;

    public LatencyRecorder Latency { get; } = new();

    public ConcurrentDictionary<RequestKind, int> FailuresByKind { get; } = new();

    /// <summary>The first failures' messages.</summary>
    public IEnumerable<string> Samples => _samples;

    public double Seconds { get; set; }

    public int Cases { get; set; }

    public void Fail(RequestKind kind, string message)
    {
        Interlocked.Increment(ref Failed);
        FailuresByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (_samples.Count < MaxSamples)
        {
            _samples.Enqueue(message);
        }
    }
}
