using Hub.Abstractions;
using Hub.Data;
using Hub.Identity.ApiClients;
using Hub.Identity.Citizens;
using Hub.Identity.Data;
using Hub.Identity.Domain;
using Hub.Identity.Recipes;
using Hub.Identity.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Identity;

/// <summary>Staff accounts (ASP.NET Core Identity with per-tenant accounts, roles, sign-in and the users admin) and citizen e-ID.</summary>
public static class IdentityModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Identity";

    /// <summary>Registers Identity, the per-tenant cookie, the hub's authorization policies and the users step.</summary>
    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHubDbContext<StaffIdentityDbContext, SqliteStaffIdentityDbContext, PostgresStaffIdentityDbContext>(Name);
        services.AddIdentity<StaffUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-";
            })
            .AddEntityFrameworkStores<StaffIdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        // The citizen's e-ID session as any page sees it (its own scheme; HttpContext.User does not carry it).
        services.AddScoped<CitizenSession>();
        // A lock, a lost role or a new password ends open sessions within a minute (the security stamp is re-read).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = ".Hub.Staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is https, as seen through the trusted proxies (Hub:ForwardedHeaders).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new TenantCookieManager();
            cookie.LoginPath = "/konto/logga-in";
            cookie.LogoutPath = "/konto/logga-ut";
            cookie.AccessDeniedPath = "/konto/atkomst-nekad";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddScoped<IAuthorizationHandler, CurrentTenantHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.Staff, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentTenantRequirement()))
            .AddPolicy(HubPolicies.TenantAdmin, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement()).RequireRole(HubRoles.TenantAdmin, HubRoles.HubAdmin))
            .AddPolicy(HubPolicies.CaseOfficer, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement()).RequireRole(HubRoles.CaseOfficer))
            .AddPolicy(HubPolicies.ServiceEditor, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement()).RequireRole(HubRoles.Editor, HubRoles.ServiceOwner, HubRoles.TenantAdmin))
            .AddPolicy(HubPolicies.ServiceOwner, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement()).RequireRole(HubRoles.ServiceOwner, HubRoles.TenantAdmin))
            .AddPolicy(HubPolicies.CatalogueReviewer, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement()).RequireRole(HubRoles.Coordinator, HubRoles.HubAdmin))
            .AddPolicy(HubPolicies.HubAdmin, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CurrentTenantRequirement { HubOnly = true }).RequireRole(HubRoles.HubAdmin));
        services.AddScoped<Contracts.IStaffDirectory, StaffDirectory>();
        services.AddApiTokens(builder.Environment);
        builder.AddCitizenEId();
        services.AddModulePages(typeof(IdentityModule).Assembly);
        services.AddSingleton<IRecipeStepHandler, UsersRecipeStep>();
        services.AddSingleton<IRecipeStepHandler, ApiClientsRecipeStep>();
        services.AddAdminMenuItem(new AdminMenuItem("/konto/losenord", "Byt lösenord", "Change password",
            "Ditt eget lösenord.", "Your own password.", HubPolicies.Staff));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/anvandare", "Användare", "Users",
            "Personalkonton och deras roller.", "Staff accounts and their roles.", HubPolicies.TenantAdmin));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/api-klienter", "API-klienter", "API clients",
            "Verksamhetssystem som hämtar och hanterar ärenden.", "Business systems that fetch and handle cases.", HubPolicies.TenantAdmin));
        return builder;
    }

    /// <summary>
    /// Outside Development no recipe carries a password: the hub's first admin gets one from
    /// <c>Hub:Bootstrap:HubAdminPassword</c> (an environment variable or secret store), once, if it has none.
    /// </summary>
    public static async Task StartIdentityAsync(this IServiceProvider services, Func<string, AsyncServiceScope> tenantScope)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tenantScope);
        var configuration = services.GetRequiredService<IConfiguration>();
        var password = configuration["Hub:Bootstrap:HubAdminPassword"];
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        var userName = configuration["Hub:Bootstrap:HubAdminUserName"] ?? "admin";
        await using var scope = tenantScope(TenantSnapshot.HubSlug);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityModule));
        if (user is null || await users.HasPasswordAsync(user))
        {
            return;
        }

        StaffAccounts.Check(await users.AddPasswordAsync(user, password), userName);
        logger.LogWarning("Set the first password of hub admin '{UserName}' from configuration; remove it from configuration now", userName);
    }
}
