using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Hub.Samples.BusinessSystem;

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    /// <summary>The work queue was read to its end (some cases may have failed; see the counts).</summary>
    Completed,

    /// <summary>The hub refused the client's id or secret, or refused a fresh token.</summary>
    Refused,

    /// <summary>The hub could not be reached, or answered something that is not its API.</summary>
    Unreachable,
}

/// <summary>What one run did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Delivered">The cases confirmed delivered in this run, with this system's reference.</param>
/// <param name="Skipped">Cases left in the queue because their XML was not valid against its XSD.</param>
/// <param name="Failed">Cases the hub refused to confirm (another system has them, or a problem answer).</param>
/// <param name="Problem">Why the run stopped, for <see cref="RunOutcome.Refused"/> and <see cref="RunOutcome.Unreachable"/>.</param>
public sealed record RunResult(RunOutcome Outcome, IReadOnlyList<string> Delivered, int Skipped, int Failed, string? Problem = null);

/// <summary>
/// A business system that takes the municipality's new cases from the hub: a token by client credentials, the work
/// queue (<c>GET cases?delivered=false</c>) page by page, each case's XML checked against its XSD and saved, delivery
/// confirmed under its own reference, a diary number set, the case moved and the citizen told.
/// </summary>
public sealed partial class BusinessSystem(BusinessSystemOptions options, HttpClient http, TextWriter log)
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly Dictionary<Uri, XmlSchemaSet> schemas = [];
    private string? token;

    private string Hub => options.HubUrl.ToString().TrimEnd('/');

    /// <summary>One pass through the work queue, as <c>--once</c> does.</summary>
    public static Task<RunResult> RunOnceAsync(BusinessSystemOptions options, HttpClient http, TextWriter log, CancellationToken cancellationToken = default) =>
        new BusinessSystem(options, http, log).RunOnceAsync(cancellationToken);

    /// <summary>One pass through the work queue; the token is kept for the next pass.</summary>
    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var delivered = new List<string>();
        var skipped = 0;
        var failed = 0;
        try
        {
            Directory.CreateDirectory(options.OutputDirectory);
            string? cursor = null;
            do
            {
                var query = $"delivered=false&limit={options.PageSize.ToString(CultureInfo.InvariantCulture)}"
                    + (options.Service is null ? "" : "&service=" + Uri.EscapeDataString(options.Service))
                    + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
                using var response = await SendAsync(HttpMethod.Get, $"cases?{query}", null, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return new RunResult(RunOutcome.Unreachable, delivered, skipped, failed, $"The hub did not list the cases: {await DescribeAsync(response, cancellationToken)}");
                }

                using var page = await ReadJsonAsync(response, cancellationToken);
                foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
                {
                    switch (await HandleAsync(item, cancellationToken))
                    {
                        case CaseOutcome.Delivered:
                            delivered.Add(item.GetProperty("number").GetString()!);
                            break;
                        case CaseOutcome.Skipped:
                            skipped++;
                            break;
                        default:
                            failed++;
                            break;
                    }
                }

                cursor = page.RootElement.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
        }
        catch (RefusedException e)
        {
            return new RunResult(RunOutcome.Refused, delivered, skipped, failed, e.Message);
        }
        catch (HttpRequestException e)
        {
            return new RunResult(RunOutcome.Unreachable, delivered, skipped, failed, $"The hub at {Hub} cannot be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RunResult(RunOutcome.Unreachable, delivered, skipped, failed, $"The hub at {Hub} did not answer in time.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new RunResult(RunOutcome.Unreachable, delivered, skipped, failed, $"The answer from {Hub} is not the hub's API: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RunResult(RunOutcome.Unreachable, delivered, skipped, failed, $"Cannot write to {options.OutputDirectory}: {e.Message}");
        }

        await log.WriteLineAsync($"{delivered.Count} delivered, {skipped} skipped (invalid XML), {failed} failed.");
        return new RunResult(RunOutcome.Completed, delivered, skipped, failed);
    }

    private enum CaseOutcome
    {
        Delivered,
        Skipped,
        Failed,
    }

    private async Task<CaseOutcome> HandleAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var number = item.GetProperty("number").GetString() ?? "";
        var state = item.GetProperty("state").GetString() ?? "";
        if (!CaseNumber().IsMatch(number))
        {
            // The number becomes a file name: never one with a path in it.
            await log.WriteLineAsync($"A case number '{number}' is not one this system can file; skipped.");
            return CaseOutcome.Skipped;
        }

        using var xmlResponse = await SendAsync(HttpMethod.Get, $"cases/{number}/xml", null, cancellationToken);
        if (!xmlResponse.IsSuccessStatusCode)
        {
            await log.WriteLineAsync($"{number}: no XML: {await DescribeAsync(xmlResponse, cancellationToken)}");
            return CaseOutcome.Failed;
        }

        var xml = await xmlResponse.Content.ReadAsByteArrayAsync(cancellationToken);
        var errors = await ValidateAsync(number, xml, cancellationToken);
        if (errors.Count > 0)
        {
            await log.WriteLineAsync($"{number}: the XML is not valid against its XSD; skipped, left in the queue:");
            foreach (var error in errors.Take(10))
            {
                await log.WriteLineAsync("  " + error);
            }

            return CaseOutcome.Skipped;
        }

        var file = Path.Combine(options.OutputDirectory, number + ".xml");
        await File.WriteAllBytesAsync(file, xml, cancellationToken);

        var reference = options.ReferencePrefix + number;
        using (var delivery = await SendAsync(HttpMethod.Put, $"cases/{number}/delivery", new { reference }, cancellationToken))
        {
            if (!delivery.IsSuccessStatusCode)
            {
                await log.WriteLineAsync($"{number}: saved as {file}, but delivery was not confirmed: {await DescribeAsync(delivery, cancellationToken)}");
                return CaseOutcome.Failed;
            }
        }

        var done = new List<string> { $"saved as {file}", $"delivered as {reference}" };
        string? diary = null;
        if (options.DiaryPrefix is { } prefix)
        {
            diary = prefix + Serial(number);
            using var attribute = await SendAsync(HttpMethod.Put, $"cases/{number}/attributes/diary-number", new { value = diary, @public = true }, cancellationToken);
            done.Add(attribute.IsSuccessStatusCode ? $"diary number {diary}" : $"diary number not set: {await DescribeAsync(attribute, cancellationToken)}");
        }

        if (options.Transition is { } transition)
        {
            using var moved = await SendAsync(HttpMethod.Post, $"cases/{number}/transitions", new { transition, expectedState = state }, cancellationToken);
            if (moved.IsSuccessStatusCode)
            {
                using var summary = await ReadJsonAsync(moved, cancellationToken);
                done.Add($"moved by {transition} from {state} to {summary.RootElement.GetProperty("state").GetString()}");
            }
            else
            {
                done.Add($"not moved by {transition}: {await DescribeAsync(moved, cancellationToken)}");
            }
        }

        if (options.Message is { } template)
        {
            var text = template.Replace("{number}", number, StringComparison.Ordinal).Replace("{reference}", reference, StringComparison.Ordinal)
                .Replace("{diary}", diary ?? reference, StringComparison.Ordinal);
            using var message = await SendAsync(HttpMethod.Post, $"cases/{number}/messages", new { text }, cancellationToken);
            done.Add(message.IsSuccessStatusCode ? "citizen told" : $"no message: {await DescribeAsync(message, cancellationToken)}");
        }

        await log.WriteLineAsync($"{number}: {string.Join("; ", done)}.");
        return CaseOutcome.Delivered;
    }

    /// <summary>The XML's errors against the XSD its <c>xsi:schemaLocation</c> names; none when it is valid.</summary>
    private async Task<List<string>> ValidateAsync(string number, byte[] xml, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(xml);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return [$"not well-formed XML: {e.Message}"];
        }

        var root = document.Root!;
        var location = ((string?)root.Attribute(Xsi + "schemaLocation"))?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var index = Array.IndexOf(location, root.Name.NamespaceName);
        if (index < 0 || index + 1 >= location.Length || !Uri.TryCreate(location[index + 1], UriKind.Absolute, out var schemaUri))
        {
            return [$"no xsi:schemaLocation for the namespace {root.Name.NamespaceName}"];
        }

        if (!SameOrigin(schemaUri))
        {
            // A schema is fetched only from the hub the case came from.
            return [$"the schema {schemaUri} is not on {Hub}"];
        }

        if (!schemas.TryGetValue(schemaUri, out var set))
        {
            using var response = await http.GetAsync(schemaUri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return [$"the schema {schemaUri} cannot be read: {await DescribeAsync(response, cancellationToken)}"];
            }

            var xsd = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            set = new XmlSchemaSet { XmlResolver = null };
            var schemaErrors = new List<string>();
            set.ValidationEventHandler += (_, e) => schemaErrors.Add($"the schema: {e.Message}");
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(xsd), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                set.Add(null, reader);
                set.Compile();
            }
            catch (Exception e) when (e is XmlException or XmlSchemaException)
            {
                schemaErrors.Add($"the schema {schemaUri} cannot be used: {e.Message}");
            }

            if (schemaErrors.Count > 0)
            {
                return schemaErrors;
            }

            var schemaFile = Path.Combine(options.OutputDirectory, "schemas", SafeName(schemaUri.Segments[^1]) + ".xsd");
            Directory.CreateDirectory(Path.GetDirectoryName(schemaFile)!);
            await File.WriteAllBytesAsync(schemaFile, xsd, cancellationToken);
            schemas[schemaUri] = set;
        }

        var errors = new List<string>();
        if (!set.Contains(root.Name.NamespaceName))
        {
            return [$"the schema {schemaUri} is not for the namespace {root.Name.NamespaceName}"];
        }

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        return errors.Count == 0 ? errors : [$"{number}: {errors.Count} error(s)", .. errors];
    }

    private bool SameOrigin(Uri uri) =>
        string.Equals(uri.Scheme, options.HubUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, options.HubUrl.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == options.HubUrl.Port;

    /// <summary>A request to the API with the token; on 401 (it expired, or the hub restarted) one new token and one retry.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        token ??= await TokenAsync(cancellationToken);
        var response = await http.SendAsync(Request(method, path, body), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        token = await TokenAsync(cancellationToken);
        response = await http.SendAsync(Request(method, path, body), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var why = await DescribeAsync(response, cancellationToken);
            response.Dispose();
            throw new RefusedException($"The hub refused a fresh token: {why}");
        }

        return response;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, $"{Hub}/api/v1/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(path.EndsWith("/xml", StringComparison.Ordinal) ? "application/xml" : "application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>An access token by client credentials (RFC 6749 §4.4), the client's id and secret in the form body.</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([
            new("grant_type", "client_credentials"), new("client_id", options.ClientId), new("client_secret", options.ClientSecret)]);
        using var response = await http.PostAsync($"{Hub}/connect/token", form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement answer;
        try
        {
            answer = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new RefusedException($"{Hub}/connect/token is not the hub's token endpoint ({(int)response.StatusCode} {response.ReasonPhrase}). Is --url the municipality's address, e.g. http://localhost:5080/tyreso?");
        }

        if (response.IsSuccessStatusCode && answer.TryGetProperty("access_token", out var accessToken) && accessToken.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        var error = answer.TryGetProperty("error", out var e) ? e.GetString() : null;
        var description = answer.TryGetProperty("error_description", out var d) ? d.GetString() : null;
        throw new RefusedException(error == "invalid_client"
            ? $"The hub refused the client '{options.ClientId}' (invalid_client): the client id or secret is wrong, or the client was revoked or its secret rotated."
            : $"The hub gave no token ({(int)response.StatusCode} {error}): {description}");
    }

    /// <summary>A problem answer as one line: status, <c>type</c> and <c>detail</c> (RFC 9457).</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var problem = JsonDocument.Parse(text);
                var type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
                var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString()
                    : problem.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
                return $"{status} {type}: {detail}";
            }
            catch (JsonException)
            {
            }
        }

        return text.Length == 0 ? status : $"{status}: {text[..Math.Min(200, text.Length)]}";
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);

    /// <summary>The serial part of a case number (TYR-2026-000123 → 123), the diary's running number in this example.</summary>
    private static string Serial(string number)
    {
        var tail = number[(number.LastIndexOf('-') + 1)..];
        return long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) ? serial.ToString(CultureInfo.InvariantCulture) : number;
    }

    private static string SafeName(string segment) => CaseNumber().IsMatch(segment) ? segment : Convert.ToHexString(Encoding.UTF8.GetBytes(segment))[..Math.Min(64, segment.Length * 2)];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex CaseNumber();

    private sealed class RefusedException(string message) : Exception(message);
}
