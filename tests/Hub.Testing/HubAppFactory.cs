using Hub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing;

/// <summary>
/// The real host on a real Kestrel port, against a fresh database of the chosen provider, with the demo tenants
/// provisioned from the repository's recipes (Development environment, as the README's run command).
/// </summary>
public sealed class HubAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly string environment;
    private readonly IReadOnlyList<string> provisionOnStart;

    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly Action<IServiceCollection>? configureServices;

    public HubAppFactory(
        TestDatabase database, string environment = "Development", IReadOnlyList<string>? provisionOnStart = null,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        this.configureServices = configureServices;
        this.settings = settings ?? new Dictionary<string, string>();
        this.database = database;
        this.environment = environment;
        this.provisionOnStart = provisionOnStart
            ?? ["demo-hub.recipe.json", "tyreso.recipe.json", "mjolby.recipe.json", "sundsvall.recipe.json"];
        MailDirectory = Path.Combine(Path.GetTempPath(), "hub-tests", "mail-" + Guid.NewGuid().ToString("N"));
        Mailbox = new TestMailbox(MailDirectory);
        FilesDirectory = Path.Combine(Path.GetTempPath(), "hub-tests", "files-" + Guid.NewGuid().ToString("N"));
        UseKestrel(0);
    }

    /// <summary>The pickup directory this host writes its e-mail to (unless the test configured SMTP).</summary>
    public string MailDirectory { get; }

    /// <summary>Where this host keeps uploaded files (<c>Hub:Files:Root</c>), removed with the host.</summary>
    public string FilesDirectory { get; }

    /// <summary>The e-mail this host has sent.</summary>
    public TestMailbox Mailbox { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RecipesPath => Path.Combine(RepositoryRoot, "recipes");

    public DatabaseProvider Provider => database.Provider;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Hub:Database:Provider", database.Provider.ToString());
        builder.UseSetting("Hub:Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Hub:Tenancy:RecipesPath", RecipesPath);
        builder.UseSetting("Hub:Tenancy:RefreshInterval", "00:00:01");
        // Fewer PBKDF2 rounds keep hundreds of test sign-ins fast; the hashing code path is the same.
        builder.ConfigureServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            // Sessions re-check the security stamp on every request, so tests see a lock or role change at once.
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
            configureServices?.Invoke(services);
        });
        if (Environment.GetEnvironmentVariable("HUB_TEST_LOG") is { Length: > 0 } logFile)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(logFile)));
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        }

        // Every test host sends e-mail to its own directory, promptly; a test's settings may choose SMTP instead.
        if (!settings.ContainsKey("Hub:Email:Smtp:Host"))
        {
            builder.UseSetting("Hub:Email:PickupDirectory", MailDirectory);
        }

        builder.UseSetting("Hub:Files:Root", FilesDirectory);
        builder.UseSetting("Hub:Email:From", "noreply@hub.localhost");
        builder.UseSetting("Hub:Email:PollInterval", "00:00:01");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        for (var i = 0; i < 8; i++)
        {
            builder.UseSetting($"Hub:Tenancy:ProvisionOnStart:{i}", i < provisionOnStart.Count ? provisionOnStart[i] : "");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            foreach (var directory in new[] { MailDirectory, FilesDirectory }.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning; it must not fail the run.
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hub.sln not found above the test binaries.");
    }
}
