using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Bare Kestrel: no routing, no middleware, no logging on the hot path. It answers every request with the bytes
// of one file, so that `wrk` against it shows what the machine can do with a response of the same size.
// Usage: Hub.Bench.Baseline --file page.html [--content-type "text/html; charset=utf-8"] [--port 5099]
var file = Argument(args, "--file") ?? throw new ArgumentException("--file is required");
var contentType = Argument(args, "--content-type") ?? "text/html; charset=utf-8";
var port = int.Parse(Argument(args, "--port") ?? "5099", CultureInfo.InvariantCulture);
var body = await File.ReadAllBytesAsync(file);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
});

var app = builder.Build();
app.Run(context =>
{
    var response = context.Response;
    response.StatusCode = StatusCodes.Status200OK;
    response.ContentType = contentType;
    response.ContentLength = body.Length;
    return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});

Console.WriteLine($"Baseline serving {body.Length} bytes of {file} as '{contentType}' on http://127.0.0.1:{port}/");
await app.RunAsync();

static string? Argument(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
