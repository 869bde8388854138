using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hub.Bench.Api;
using Hub.Data;
using Hub.Testing;

// The API benchmark's host (bench/api.sh; bench/README.md, "API (issue 16)"): starts Hub.Web in-process on Kestrel
// (Development, so that tyreso's demo staff and the simulated e-ID exist), seeds CASES cases into tyreso through the
// cases module, measures the cursor pull against a plain query of the same rows, writes wrk's request files into
// the work directory, writes "ready" and serves until the file "stop" appears there.
// Usage: Hub.Bench.Api --work DIR [--provider sqlite|postgres] [--cases 100000] [--undelivered 10000] [--clients 4] [--rounds 3]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var work = Argument("--work") ?? throw new ArgumentException("--work is required");
var provider = (Argument("--provider") ?? "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
var total = int.Parse(Argument("--cases") ?? "100000", CultureInfo.InvariantCulture);
var undelivered = int.Parse(Argument("--undelivered") ?? "10000", CultureInfo.InvariantCulture);
var clients = int.Parse(Argument("--clients") ?? "4", CultureInfo.InvariantCulture);
var rounds = int.Parse(Argument("--rounds") ?? "3", CultureInfo.InvariantCulture);
Directory.CreateDirectory(work);
var report = new List<string>();
void Say(string line)
{
    Console.WriteLine(line);
    report.Add(line);
}

await using var database = await TestDatabase.CreateAsync(provider);
await using var factory = new HubAppFactory(database, "Development", ["demo-hub.recipe.json", "tyreso.recipe.json"],
    new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("HUB_BENCH_LOG") ?? "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.Antiforgery"] = "Error",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("HUB_BENCH_LOG") ?? "Warning",
    });
var hub = factory.BaseAddress;
var bench = new ApiBench(factory, "tyreso");
Say($"provider={provider} cases={total} undelivered={undelivered} clients={clients} url={hub}");

var seeding = Stopwatch.StartNew();
var (templateNumber, fields) = await bench.SubmitTemplateAsync();
var (fortyNumber, fortyFields) = await bench.SubmitFortyFieldsAsync();
var (numbers, fortyNumbers) = await bench.SeedAsync(templateNumber, fortyNumber, total, undelivered);
if (Environment.GetEnvironmentVariable("CHECKPOINT") != "0" && await bench.CheckpointAsync() is { } checkpoint)
{
    Say($"SQLite: write-ahead log checkpointed after seeding (busy, frames, checkpointed: {checkpoint})");
}

Say($"seeded {numbers.Count + fortyNumbers.Count} cases in {seeding.Elapsed.TotalSeconds:F1} s: {numbers.Count} from {templateNumber} (ekonomiskt-bistand, {fields} answers), {fortyNumbers.Count} from {fortyNumber} ({FortyFields.Key}, {fortyFields} answers)");

if (await bench.ExplainLookupAsync(numbers[numbers.Count / 2]) is not null)
{
    await bench.ExplainLookupAsync(numbers[numbers.Count / 3]);
    Say($"a case read's look-ups (SQLite, third call): {await bench.ExplainLookupAsync(numbers[numbers.Count / 4])}");
}

var tokens = await bench.TokensAsync(clients);
using var http = new HttpClient { BaseAddress = hub };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);

// Cursor pull: every undelivered case page by page through the API, against one plain query of the same rows
// through the same DbContext (same filter, same order, same columns), interleaved, in the same run.
foreach (var limit in new[] { 100, 500 })
{
    var api = new List<double>();
    var plain = new List<double>();
    for (var round = 0; round < rounds + 1; round++)
    {
        var (ms, count, pages) = await bench.PullAsync(http, limit);
        var (plainMs, plainCount) = await bench.PlainSelectAsync();
        if (count != undelivered || plainCount != undelivered)
        {
            throw new InvalidOperationException($"The pull found {count} cases and the query {plainCount}, not {undelivered}.");
        }

        if (round == 0)
        {
            continue; // warm-up: JIT and the database's cache
        }

        api.Add(ms);
        plain.Add(plainMs);
        Console.WriteLine($"  pull limit={limit}: {pages} pages {ms:F0} ms, plain query {plainMs:F0} ms");
    }

    var apiMedian = Median(api);
    var plainMedian = Median(plain);
    Say($"pull limit={limit}: api {apiMedian:F0} ms ({undelivered / apiMedian * 1000:F0} cases/s), plain select {plainMedian:F0} ms ({undelivered / plainMedian * 1000:F0} cases/s), ratio {plainMedian / apiMedian:F3} (api {string.Join(", ", api.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}; plain {string.Join(", ", plain.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})");
}

// Request files for wrk: one request per line, "path TAB Authorization header", the clients' tokens in turn.
var random = new Random(16);
var cursors = await bench.CursorsAsync(http);
await WriteRequestsAsync("list.tsv", Enumerable.Range(0, 4000).Select(i =>
    "/tyreso/api/v1/cases?limit=100" + (i % 20 == 0 ? "" : "&cursor=" + cursors[random.Next(cursors.Count)])));
var sample = numbers.OrderBy(_ => random.Next()).Take(10_000).ToList();
await WriteRequestsAsync("xml.tsv", sample.Select(n => $"/tyreso/api/v1/cases/{n}/xml"));
var pdfSample = fortyNumbers.OrderBy(_ => random.Next()).Take(10_000).ToList();
await WriteRequestsAsync("pdf.tsv", pdfSample.Select(n => $"/tyreso/api/v1/cases/{n}/pdf"));
await SaveAsync("/tyreso/api/v1/cases?limit=100&cursor=" + cursors[cursors.Count / 2], "list.json");
await SaveAsync($"/tyreso/api/v1/cases/{sample[0]}/xml", "case.xml");
using (var pdf = await http.GetAsync($"/tyreso/api/v1/cases/{pdfSample[0]}/pdf"))
{
    var body = await pdf.Content.ReadAsByteArrayAsync();
    if (pdf.StatusCode == HttpStatusCode.OK)
    {
        await File.WriteAllBytesAsync(Path.Combine(work, "case.pdf"), body);
        Say($"pdf: {body.Length} bytes ({pdf.Content.Headers.ContentType})");
    }
    else
    {
        Say($"pdf: absent, {(int)pdf.StatusCode} for an existing case: {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(200, body.Length)]}");
    }
}

await File.WriteAllLinesAsync(Path.Combine(work, "host.txt"), report);
await File.WriteAllTextAsync(Path.Combine(work, "url"), hub.ToString().TrimEnd('/'));
await File.WriteAllTextAsync(Path.Combine(work, "ready"), "");
Console.WriteLine("ready; serving until " + Path.Combine(work, "stop") + " exists");
while (!File.Exists(Path.Combine(work, "stop")))
{
    await Task.Delay(200);
}

return;

async Task WriteRequestsAsync(string file, IEnumerable<string> paths) =>
    await File.WriteAllLinesAsync(Path.Combine(work, file), paths.Select((p, i) => $"{p}\tBearer {tokens[i % tokens.Count]}"));

async Task SaveAsync(string path, string file)
{
    using var response = await http.GetAsync(path);
    response.EnsureSuccessStatusCode();
    await File.WriteAllBytesAsync(Path.Combine(work, file), await response.Content.ReadAsByteArrayAsync());
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
