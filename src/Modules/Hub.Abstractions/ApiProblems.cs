using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Abstractions;

/// <summary>
/// The API's errors as RFC 9457 problem details. Each kind has a stable <c>type</c> (<c>urn:hub:problem:{kind}</c>)
/// that a client may switch on; <c>title</c> and <c>detail</c> are for people and may change (docs/api.md).
/// </summary>
public static class ApiProblems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:hub:problem:";

    /// <summary>A query parameter or body member has a value the endpoint cannot take (400).</summary>
    public static ProblemHttpResult InvalidParameter(string field, string detail) => Problem(StatusCodes.Status400BadRequest,
        "invalid-parameter", "A parameter is invalid.", detail, new Dictionary<string, object?> { ["field"] = field });

    /// <summary>No such thing in this tenant (404); another tenant's things are not found either.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    /// <summary>The thing is not in the state the request expected (409).</summary>
    public static ProblemHttpResult Conflict(string kind, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, kind, "The request conflicts with the current state.", detail, extensions);

    /// <summary>The request is well-formed but the rules refuse it (422).</summary>
    public static ProblemHttpResult Unprocessable(string kind, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, kind, "The request cannot be carried out.", detail, extensions);

    /// <summary>A problem of <paramref name="kind"/>.</summary>
    public static ProblemHttpResult Problem(int status, string kind, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + kind,
            Title = title,
            Detail = detail,
            Extensions = extensions ?? new Dictionary<string, object?>(),
        });

    /// <summary>The problem for a response that ended with <paramref name="status"/> and no body (auth, routing, limits).</summary>
    public static ProblemDetails ForStatus(int status)
    {
        var (kind, title) = status switch
        {
            400 => ("bad-request", "The request is malformed."),
            401 => ("unauthenticated", "A valid access token is required."),
            403 => ("forbidden", "The token does not grant this."),
            404 => ("not-found", "Not found."),
            405 => ("method-not-allowed", "The method is not allowed here."),
            406 => ("not-acceptable", "No representation matches the Accept header."),
            413 => ("too-large", "The request body is too large."),
            415 => ("unsupported-media-type", "The body must be application/json."),
            429 => ("too-many-requests", "Too many requests; retry later."),
            _ when status >= 500 => ("server-error", "The hub could not handle the request."),
            _ => ("error", "The request failed."),
        };
        return new ProblemDetails { Status = status, Type = TypePrefix + kind, Title = title };
    }
}
