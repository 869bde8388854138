using System.Globalization;
using Hub.Bench.Catalogue;

// Catalogue search at the incumbent platform's size (issue 5: 24,000 packages, search p95 < 10 ms), against a
// 240-package catalogue in the same run, queries interleaved so that other load on the machine hits both alike.
var options = Options.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Report.Line($"# Catalogue search benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Report.Line($"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; {options}");

var load = CpuLoad.Start();
await using var large = await BenchCatalogue.StartAsync($"{options.Packages:N0} packages", options.Packages, options.Owners, options.Seed);
await using var small = await BenchCatalogue.StartAsync($"{options.Baseline:N0} packages", options.Baseline, options.Owners, options.Seed);
Report.Line($"Seeded {options.Owners} municipalities and the packages: large {large.SeedTime.TotalSeconds:F1} s, small {small.SeedTime.TotalSeconds:F1} s ({load.Stop()}).");
var hosts = new[] { large, small };
if (options.ExplainOnly != 0)
{
    foreach (var host in hosts)
    {
        var (sql, plan, ms, byId) = await host.ExplainHitLookupAsync("färdtjänst");
        Report.Line($"{host.Name}: hit look-up {ms:F2} ms, by id alone {byId:F2} ms (medians of 20); plan: {plan}");
        Report.Line(sql);
    }

    return;
}


// The first search of each host builds its index (cold: nothing JIT-compiled yet).
var cold = new Dictionary<BenchCatalogue, double>();
foreach (var host in hosts)
{
    cold[host] = await host.RebuildAsync();
}

var mix = QueryMix.All;
var random = new Random(options.Seed);

Progress("warm-up");
// Warm-up: tiered JIT settles after some thousands of calls.
load = CpuLoad.Start();
for (var round = 0; round < options.WarmupRounds; round++)
{
    foreach (var query in mix)
    {
        foreach (var host in hosts)
        {
            await host.SearchAsync(query);
            host.SearchIndex(query);
            if (round < 2)
            {
                await host.GetPageAsync(query);
            }
        }
    }
}

Report.Line($"Warm-up: {options.WarmupRounds} rounds of the mix ({mix.Count} queries) on both ({load.Stop()}).");

Progress("index builds");
// Index build: a search after this node changed the catalogue rebuilds the whole index from the database.
load = CpuLoad.Start();
var rebuilds = hosts.ToDictionary(h => h, _ => new List<double>());
var loads = hosts.ToDictionary(h => h, _ => new List<double>());
for (var i = 0; i < options.Rebuilds; i++)
{
    foreach (var host in hosts)
    {
        rebuilds[host].Add(await host.RebuildAsync());
        loads[host].Add(await host.LoadRowsAsync());
    }
}

var rebuildLoad = load.Stop();
var lookups = new Dictionary<BenchCatalogue, (string Plan, double Ms, double ByIdMs)>();
foreach (var host in hosts)
{
    var (_, plan, ms, byId) = await host.ExplainHitLookupAsync("färdtjänst");
    lookups[host] = (plan, ms, byId);
}

Progress("service searches");
// The search service, as the page calls it.
load = CpuLoad.Start();
var service = hosts.ToDictionary(h => h, _ => new List<Sample>());
for (var round = 0; round < options.Rounds; round++)
{
    foreach (var query in Shuffled(mix, random))
    {
        foreach (var host in round % 2 == 0 ? hosts : hosts.Reverse())
        {
            var (ms, hits, rebuilt) = await host.SearchAsync(query);
            service[host].Add(new Sample(query, ms, hits, rebuilt));
        }
    }
}

var serviceLoad = load.Stop();

Progress("index searches");
// The index alone.
load = CpuLoad.Start();
var index = hosts.ToDictionary(h => h, _ => new List<Sample>());
for (var round = 0; round < options.Rounds; round++)
{
    foreach (var query in Shuffled(mix, random))
    {
        foreach (var host in round % 2 == 0 ? hosts : hosts.Reverse())
        {
            var (ms, hits) = host.SearchIndex(query);
            index[host].Add(new Sample(query, ms, hits, false));
        }
    }
}

var indexLoad = load.Stop();

Progress("page requests");
// The whole page over HTTP (one connection, one request at a time).
load = CpuLoad.Start();
var page = hosts.ToDictionary(h => h, _ => new List<Sample>());
var pageBytes = hosts.ToDictionary(h => h, _ => 0L);
for (var round = 0; round < options.PageRounds; round++)
{
    foreach (var query in Shuffled(mix, random))
    {
        foreach (var host in round % 2 == 0 ? hosts : hosts.Reverse())
        {
            var (ms, bytes, rebuilt) = await host.GetPageAsync(query);
            page[host].Add(new Sample(query, ms, 0, rebuilt));
            pageBytes[host] += bytes;
        }
    }
}

var pageLoad = load.Stop();

Progress("browse page");
// The catalogue page without a query lists every package.
var browse = hosts.ToDictionary(h => h, _ => new List<double>());
var browseBytes = hosts.ToDictionary(h => h, _ => 0);
for (var i = 0; i < 3; i++)
{
    foreach (var host in hosts)
    {
        var (ms, bytes) = await host.GetAsync("/hub/katalog");
        browse[host].Add(ms);
        browseBytes[host] = bytes;
    }
}

Report.Line();
Report.Line("## Search through the service (`ICrossTenantCatalogue.SearchAsync` in a request scope; the page's entry point)");
Report.Line();
Report.Line($"{options.Rounds} rounds × {mix.Count} queries on each catalogue, interleaved; {serviceLoad}.");
Report.Line("Searches that found the index older than 30 s rebuilt it first (the catalogue's freshness rule); they are counted apart.");
Report.Line();
Report.Line("| | p50 | p95 | p99 | max | mean | searches | of them rebuilt the index |");
Report.Line("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var host in hosts)
{
    var steady = service[host].Where(s => !s.Rebuilt).Select(s => s.Ms).ToList();
    var all = service[host].Select(s => s.Ms).ToList();
    Report.Row(host.Name + ", without rebuilds", Stats.Of(steady), service[host].Count(s => !s.Rebuilt), "");
    Report.Row(host.Name + ", all", Stats.Of(all), all.Count, service[host].Count(s => s.Rebuilt).ToString(CultureInfo.InvariantCulture));
}

var ratio = Stats.Of(service[large].Where(s => !s.Rebuilt).Select(s => s.Ms)).Over(Stats.Of(service[small].Where(s => !s.Rebuilt).Select(s => s.Ms)));
Report.Line($"| **ratio 24,000 / 240** (without rebuilds) | {ratio.P50:F2} | {ratio.P95:F2} | {ratio.P99:F2} | | {ratio.Mean:F2} | | |");
Report.Line();
Report.Line("By kind of query (without rebuilds): p50 / p95 in ms, hits per search (after the category filter), large | small");
Report.Line();
Report.Line("| kind | queries | large p50 / p95 | small p50 / p95 | hits large / small |");
Report.Line("|---|---:|---:|---:|---:|");
foreach (var kind in mix.Select(q => q.Kind).Distinct())
{
    var l = service[large].Where(s => s.Query.Kind == kind && !s.Rebuilt).ToList();
    var m = service[small].Where(s => s.Query.Kind == kind && !s.Rebuilt).ToList();
    var sl = Stats.Of(l.Select(s => s.Ms));
    var sm = Stats.Of(m.Select(s => s.Ms));
    Report.Line($"| {kind} | {mix.Count(q => q.Kind == kind)} | {sl.P50:F2} / {sl.P95:F2} | {sm.P50:F2} / {sm.P95:F2} | {l.Average(s => s.Hits):F0} / {m.Average(s => s.Hits):F0} |");
}

Report.Line();
Report.Line("Slowest queries on the large catalogue (p95 of each, without rebuilds):");
Report.Line();
foreach (var group in service[large].Where(s => !s.Rebuilt).GroupBy(s => s.Query).Select(g => (g.Key, Stats: Stats.Of(g.Select(s => s.Ms)), Hits: g.First().Hits))
             .OrderByDescending(g => g.Stats.P95).Take(8))
{
    Report.Line($"- `{group.Key.Text}`{(group.Key.Category is null ? "" : $" in {group.Key.Category}")} ({group.Key.Kind}, {group.Key.Language}): p50 {group.Stats.P50:F2} ms, p95 {group.Stats.P95:F2} ms, {group.Hits} hits");
}

Report.Line();
Report.Line("Where a search's time goes besides the index: looking up its hits' rows (`färdtjänst`, 50 hits at 24,000), the same LINQ as `SearchAsync`:");
Report.Line();
foreach (var host in hosts)
{
    Report.Line($"- {host.Name}: {lookups[host].Ms:F2} ms (median of 20), SQLite plan `{lookups[host].Plan}`; by id alone, status checked in memory: {lookups[host].ByIdMs:F2} ms");
}

Report.Line();
Report.Line("## The Lucene index alone (`CatalogueSearch.Search`: analysis, queries, stored fields; no scope, no database)");
Report.Line();
Report.Line($"{indexLoad}.");
Report.Line();
Report.Line("| | p50 | p95 | p99 | max | mean | searches | |");
Report.Line("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var host in hosts)
{
    Report.Row(host.Name, Stats.Of(index[host].Select(s => s.Ms)), index[host].Count, "");
}

var indexRatio = Stats.Of(index[large].Select(s => s.Ms)).Over(Stats.Of(index[small].Select(s => s.Ms)));
Report.Line($"| **ratio 24,000 / 240** | {indexRatio.P50:F2} | {indexRatio.P95:F2} | {indexRatio.P99:F2} | | {indexRatio.Mean:F2} | | |");
Report.Line();
Report.Line("## Index build");
Report.Line();
Report.Line($"{rebuildLoad}.");
Report.Line();
Report.Line("| | first search (cold process) | search after a change (median of rebuilds) | of which reading the rows | rebuilds |");
Report.Line("|---|---:|---:|---:|---:|");
foreach (var host in hosts)
{
    Report.Line($"| {host.Name} | {cold[host]:F0} ms | {Stats.Of(rebuilds[host]).P50:F0} ms | {Stats.Of(loads[host]).P50:F0} ms | {rebuilds[host].Count} |");
}

Report.Line();
Report.Line("## The page over HTTP (`GET /hub/katalog?q=…`, one connection, body read)");
Report.Line();
Report.Line($"{options.PageRounds} rounds × {mix.Count} queries on each, interleaved; {pageLoad}.");
Report.Line();
Report.Line("| | p50 | p95 | p99 | max | mean | requests | of them rebuilt the index |");
Report.Line("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var host in hosts)
{
    Report.Row(host.Name + $" (average {pageBytes[host] / Math.Max(1, page[host].Count) / 1024.0:F0} KB)", Stats.Of(page[host].Where(s => !s.Rebuilt).Select(s => s.Ms)), page[host].Count(s => !s.Rebuilt),
        page[host].Count(s => s.Rebuilt).ToString(CultureInfo.InvariantCulture));
}

var pageRatio = Stats.Of(page[large].Where(s => !s.Rebuilt).Select(s => s.Ms)).Over(Stats.Of(page[small].Where(s => !s.Rebuilt).Select(s => s.Ms)));
Report.Line($"| **ratio 24,000 / 240** | {pageRatio.P50:F2} | {pageRatio.P95:F2} | {pageRatio.P99:F2} | | {pageRatio.Mean:F2} | | |");
Report.Line();
foreach (var host in hosts)
{
    Report.Line($"- `GET /hub/katalog` (no query, every package listed), {host.Name}: {string.Join(" / ", browse[host].Select(ms => ms.ToString("F0", CultureInfo.InvariantCulture)))} ms, {browseBytes[host] / 1024.0:F0} KB");
}

Report.Line();
Report.Line($"Target (issue 5) search p95 < 10 ms at {options.Packages:N0} packages: service {Stats.Of(service[large].Where(s => !s.Rebuilt).Select(s => s.Ms)).P95:F2} ms, " +
            $"page {Stats.Of(page[large].Where(s => !s.Rebuilt).Select(s => s.Ms)).P95:F2} ms.");

static void Progress(string phase) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {phase} …");

static List<BenchQuery> Shuffled(IReadOnlyList<BenchQuery> mix, Random random) => [.. mix.OrderBy(_ => random.Next())];

namespace Hub.Bench.Catalogue
{
    internal sealed record Sample(BenchQuery Query, double Ms, int Hits, bool Rebuilt);

    internal sealed record Options(int Packages, int Baseline, int Owners, int Rounds, int WarmupRounds, int PageRounds, int Rebuilds, int Seed, int ExplainOnly)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["--packages"] = 24_000, ["--baseline"] = 240, ["--owners"] = 290, ["--rounds"] = 60, ["--warmup"] = 30, ["--page-rounds"] = 5,
                ["--rebuilds"] = 3, ["--seed"] = 5, ["--explain-only"] = 0,
            };
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                if (!values.ContainsKey(args[i]))
                {
                    throw new ArgumentException($"Unknown option {args[i]}; known: {string.Join(", ", values.Keys)}.");
                }

                values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }

            return new Options(values["--packages"], values["--baseline"], values["--owners"], values["--rounds"], values["--warmup"], values["--page-rounds"],
                values["--rebuilds"], values["--seed"], values["--explain-only"]);
        }

        public override string ToString() =>
            $"packages {Packages}, baseline {Baseline}, owners {Owners}, rounds {Rounds}, warm-up {WarmupRounds}, page rounds {PageRounds}, rebuilds {Rebuilds}, seed {Seed}";
    }

    /// <summary>The query mix: what people type into the catalogue's search, in the proportions listed.</summary>
    internal static class QueryMix
    {
        public static IReadOnlyList<BenchQuery> All { get; } =
        [
            .. Kind("word", "sv", "färdtjänst", "bygglov", "bidrag", "skolskjuts", "trygghetslarm", "serveringstillstånd", "förskola", "synpunkter", "felanmälan", "parkering"),
            .. Kind("inflected or compound", "sv", "färdtjänsten", "bygglovet", "bidragen", "ansökningar", "skolskjutsen", "riksfärdtjänst", "bygglovsansökan", "föreningsbidraget", "livsmedelsverksamheten"),
            .. Kind("two words", "sv", "ekonomiskt bistånd", "ansökan bygglov", "ledighet elev", "boka idrottshall", "anmälan värmepump", "borgerlig vigsel"),
            new BenchQuery("category + query", "ansökan", "sv", "omsorg-och-stod"),
            new BenchQuery("category + query", "anmälan", "sv", "bygga-bo-och-miljo"),
            new BenchQuery("category + query", "bidrag", "sv", "kultur-och-fritid"),
            new BenchQuery("category + query", "skola", "sv", "barn-och-utbildning"),
            .. Kind("English", "en", "building permit", "mobility service", "school transport", "grant", "alcohol licence", "complaint"),
            .. Kind("typo (fuzzy fallback)", "sv", "färdtjanst", "byglov", "trygghetslam"),
            .. Kind("no hits", "sv", "rymdraket", "xylofonlektion", "kvantdator hyra"),
        ];

        private static IEnumerable<BenchQuery> Kind(string kind, string language, params string[] texts) => texts.Select(t => new BenchQuery(kind, t, language));
    }

    internal sealed record Stats(double P50, double P95, double P99, double Max, double Mean)
    {
        public static Stats Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0
                ? new Stats(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
                : new Stats(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1], sorted.Average());
        }

        public Stats Over(Stats baseline) => new(P50 / baseline.P50, P95 / baseline.P95, P99 / baseline.P99, Max / baseline.Max, Mean / baseline.Mean);

        // Nearest rank: the smallest value with at least p of the samples at or below it.
        private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    internal static class Report
    {
        public static void Line(string text = "") => Console.WriteLine(text);

        public static void Row(string name, Stats s, int count, string extra) =>
            Line(FormattableString.Invariant($"| {name} | {s.P50:F2} ms | {s.P95:F2} ms | {s.P99:F2} ms | {s.Max:F1} ms | {s.Mean:F2} ms | {count} | {extra} |"));
    }

    /// <summary>How much of the machine's CPU other processes took while a phase ran (/proc/stat minus this process).</summary>
    internal sealed class CpuLoad
    {
        private readonly (long Busy, long Total) machine;
        private readonly long own;
        private readonly DateTime started = DateTime.UtcNow;

        private CpuLoad()
        {
            machine = Machine();
            own = Own();
        }

        public static CpuLoad Start() => new();

        public string Stop()
        {
            var (busy, total) = Machine();
            var ownTicks = Own() - own;
            var totalTicks = total - machine.Total;
            var other = totalTicks == 0 ? 0 : (busy - machine.Busy - ownTicks) / (double)totalTicks;
            var self = totalTicks == 0 ? 0 : ownTicks / (double)totalTicks;
            var loadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return FormattableString.Invariant(
                $"{(DateTime.UtcNow - started).TotalSeconds:F0} s, this process {self:P0} of the machine's CPU, other processes {Math.Max(0, other):P0}, load average {loadAverage}");
        }

        private static (long Busy, long Total) Machine()
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Sum();
            return (total - idle, total);
        }

        private static long Own()
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
    }
}
