using System.Text.Json;
using Hub.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Web;

/// <summary>
/// The API's host wiring (docs/api.md): every error under <c>/{tenant}/api/</c> is a problem document (RFC 9457) with a
/// stable type, never the HTML error page; the OpenAPI 3.1 document is generated from the endpoints at
/// <c>/{tenant}/api/v1/openapi.json</c>, with the OAuth 2.0 client-credentials scheme and each operation's scope.
/// </summary>
internal static class HubApi
{
    public const string DocumentPath = "/api/v1/openapi.json";
    private const string SecurityScheme = "oauth2";

    public static WebApplicationBuilder AddHubApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Hub API",
                    Version = "v1",
                    Description = "A municipality's cases for its business systems. Tokens: OAuth 2.0 client credentials at connect/token; errors: RFC 9457 problem details.",
                };
                if (context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request is { } request)
                {
                    document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}" }];
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "A TenantAdmin creates the client and its scopes on the admin page API clients.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("connect/token", UriKind.Relative),
                            Scopes = ApiScopes.All.ToDictionary(s => s, s => s),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                    .Select(a => ApiScopes.OfPolicy(a.Policy)).OfType<string>().ToList();
                if (scopes.Count > 0)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = scopes });
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid token." });
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token lacks {string.Join(", ", scopes)}, or is another tenant's." });
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Under <c>/api/</c>: no HTML error pages; an error without a body gets the problem document of its status.</summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next();
                return;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next();
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                if (status >= 500)
                {
                    app.Logger.LogError(exception, "API request {Path} failed", context.Request.Path);
                }

                context.Response.Clear();
                context.Response.StatusCode = status;
            }

            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0
                && string.IsNullOrEmpty(context.Response.ContentType))
            {
                var problem = ApiProblems.ForStatus(context.Response.StatusCode);
                problem.Instance = context.Request.PathBase + context.Request.Path;
                context.Response.ContentType = "application/problem+json";
                await JsonSerializer.SerializeAsync(context.Response.Body, problem, ProblemJson, context.RequestAborted);
            }
        });
        return app;
    }

    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
