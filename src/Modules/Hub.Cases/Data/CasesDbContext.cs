using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Cases.Data;

/// <summary>Drafts, cases, their history, signatures and files; every row belongs to a tenant.</summary>
internal class CasesDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<StoredFile> Files => Set<StoredFile>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> Events => Set<CaseEvent>();

    public DbSet<CaseSignature> Signatures => Set<CaseSignature>();

    public DbSet<CaseMessage> Messages => Set<CaseMessage>();

    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public DbSet<HandlingGroup> Groups => Set<HandlingGroup>();

    public DbSet<CaseAttribute> Attributes => Set<CaseAttribute>();

    public DbSet<ServiceDelivery> Deliveries => Set<ServiceDelivery>();

    public DbSet<ArchivePackage> ArchivePackages => Set<ArchivePackage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var draft = modelBuilder.Entity<Draft>();
        draft.ToTable("cases_drafts");
        draft.Property(d => d.ServiceKey).HasMaxLength(64);
        draft.Property(d => d.OwnerPersonalIdentityNumber).HasMaxLength(13);
        draft.Property(d => d.AnonymousKeyHash).HasMaxLength(64);
        draft.Property(d => d.Language).HasMaxLength(8);
        draft.Property(d => d.CurrentPage).HasMaxLength(64);
        draft.HasIndex(d => new { d.TenantId, d.OwnerPersonalIdentityNumber });
        draft.HasIndex(d => d.ExpiresUtc);

        var file = modelBuilder.Entity<StoredFile>();
        file.ToTable("cases_files");
        file.Property(f => f.ElementKey).HasMaxLength(64);
        file.Property(f => f.FileName).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
        file.HasIndex(f => new { f.DraftId, f.TenantId });
        file.HasIndex(f => new { f.CaseId, f.TenantId });

        var @case = modelBuilder.Entity<Case>();
        @case.ToTable("cases_cases");
        @case.Property(c => c.Number).HasMaxLength(32);
        @case.Property(c => c.ServiceKey).HasMaxLength(64);
        @case.Property(c => c.Language).HasMaxLength(8);
        @case.Property(c => c.SubmissionHash).HasMaxLength(64);
        @case.Property(c => c.SubmitterPersonalIdentityNumber).HasMaxLength(13);
        @case.Property(c => c.SubmitterName).HasMaxLength(200);
        @case.Property(c => c.AnonymousKeyHash).HasMaxLength(64);
        @case.Property(c => c.ContactEmail).HasMaxLength(320);
        @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        @case.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        @case.HasIndex(c => new { c.TenantId, c.DraftId }).IsUnique();
        @case.HasIndex(c => new { c.TenantId, c.SubmitterPersonalIdentityNumber });
        @case.Property(c => c.StateKey).HasMaxLength(64).HasDefaultValue("received");
        @case.Property(c => c.HandlingGroup).HasMaxLength(64);
        @case.Property(c => c.AssignedTo).HasMaxLength(256);
        @case.Property(c => c.AssignedName).HasMaxLength(200);
        @case.Property(c => c.DecisionText).HasMaxLength(10000);
        @case.Property(c => c.Channel).HasMaxLength(16).HasDefaultValue(CaseChannels.Digital);
        @case.HasIndex(c => new { c.TenantId, c.Status });
        @case.HasIndex(c => new { c.TenantId, c.AssignedTo });
        @case.Property(c => c.DeliveryReference).HasMaxLength(200);
        @case.Property(c => c.DeliveredBy).HasMaxLength(200);
        // The API's list reads cases in the order they last changed (its cursor is that position).
        @case.HasIndex(c => new { c.TenantId, c.UpdatedUtc, c.Number });

        var caseEvent = modelBuilder.Entity<CaseEvent>();
        caseEvent.ToTable("cases_events");
        caseEvent.Property(e => e.Kind).HasMaxLength(64);
        caseEvent.Property(e => e.Actor).HasMaxLength(200);
        caseEvent.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        caseEvent.Property(e => e.StateKey).HasMaxLength(64);
        // Rows of one case are read with the tenant filter's TenantId = ? too. With the parent's id alone in the index,
        // SQLite (no statistics) sees one equality in it and one in the convention's TenantId index, takes the latter and
        // reads every row of the tenant: 190,000 events for one case at 100,000 cases (bench/README.md, API). Both
        // columns in one index are the better match for any planner; the case's id first, so it still serves the
        // foreign key and every look-up by case.
        caseEvent.HasIndex(e => new { e.CaseId, e.TenantId });
        caseEvent.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);

        var signature = modelBuilder.Entity<CaseSignature>();
        signature.ToTable("cases_signatures");
        signature.Property(s => s.Role).HasMaxLength(64);
        signature.Property(s => s.ExpectedPersonalIdentityNumber).HasMaxLength(13);
        signature.Property(s => s.Email).HasMaxLength(320);
        signature.Property(s => s.SignedName).HasMaxLength(200);
        signature.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        signature.HasIndex(s => new { s.CaseId, s.TenantId });
        signature.HasIndex(s => new { s.TenantId, s.ExpectedPersonalIdentityNumber });
        signature.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);

        var message = modelBuilder.Entity<CaseMessage>();
        message.ToTable("cases_messages");
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        message.Property(m => m.Author).HasMaxLength(200);
        message.Property(m => m.Text).HasMaxLength(CaseLimits.MessageLength);
        message.Ignore(m => m.FromCitizen);
        message.HasIndex(m => new { m.CaseId, m.TenantId });
        message.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);

        var note = modelBuilder.Entity<CaseNote>();
        note.ToTable("cases_notes");
        note.Property(n => n.Author).HasMaxLength(200);
        note.Property(n => n.Text).HasMaxLength(CaseLimits.MessageLength);
        note.HasIndex(n => new { n.CaseId, n.TenantId });
        note.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);

        var attribute = modelBuilder.Entity<CaseAttribute>();
        attribute.ToTable("cases_attributes");
        attribute.Property(a => a.Key).HasMaxLength(CaseAttribute.KeyLength);
        attribute.Property(a => a.Label).HasMaxLength(CaseAttribute.LabelLength);
        attribute.Property(a => a.Value).HasMaxLength(CaseAttribute.ValueLength);
        attribute.Property(a => a.SetBy).HasMaxLength(200);
        // Unique per case and key; the tenant (which the case fixes) sits in between for the tenant filter's sake, as above.
        attribute.HasIndex(a => new { a.CaseId, a.TenantId, a.Key }).IsUnique();
        attribute.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);

        var delivery = modelBuilder.Entity<ServiceDelivery>();
        delivery.ToTable("cases_service_delivery");
        delivery.Property(d => d.ServiceKey).HasMaxLength(64);
        delivery.Property(d => d.PushFormat).HasConversion<string>().HasMaxLength(8);
        delivery.Property(d => d.UpdatedBy).HasMaxLength(200);
        delivery.HasIndex(d => new { d.TenantId, d.ServiceKey }).IsUnique();

        var package = modelBuilder.Entity<ArchivePackage>();
        package.ToTable("cases_archive_packages");
        package.Property(p => p.CreatedBy).HasMaxLength(300);
        package.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        package.HasIndex(p => new { p.TenantId, p.CaseId, p.Sequence }).IsUnique();
        package.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);

        var group = modelBuilder.Entity<HandlingGroup>();
        group.ToTable("cases_groups");
        group.Property(g => g.Key).HasMaxLength(64);
        group.Property(g => g.Name).HasMaxLength(200);
        group.Property(g => g.Lead).HasMaxLength(256);
        group.HasIndex(g => new { g.TenantId, g.Key }).IsUnique();
        group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);

        var member = modelBuilder.Entity<HandlingGroupMember>();
        member.ToTable("cases_group_members");
        member.HasKey(m => new { m.GroupId, m.UserName });
        member.Property(m => m.UserName).HasMaxLength(256);
        member.HasIndex(m => new { m.TenantId, m.UserName });

        var series = modelBuilder.Entity<CaseNumberSeries>();
        series.ToTable("cases_number_series");
        series.HasKey(s => new { s.TenantId, s.Year });
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}

/// <summary>The last case number given per tenant and year; bumped atomically by an upsert.</summary>
internal sealed class CaseNumberSeries : ITenantOwned
{
    public Guid TenantId { get; set; }

    public int Year { get; set; }

    public long LastNumber { get; set; }
}

internal sealed class SqliteCasesDbContext(DbContextOptions options, ITenantContext? tenantContext) : CasesDbContext(options, tenantContext);

internal sealed class PostgresCasesDbContext(DbContextOptions options, ITenantContext? tenantContext) : CasesDbContext(options, tenantContext);

internal sealed class SqliteCasesDesignFactory : IDesignTimeDbContextFactory<SqliteCasesDbContext>
{
    public SqliteCasesDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), CasesModule.Name), null);
}

internal sealed class PostgresCasesDesignFactory : IDesignTimeDbContextFactory<PostgresCasesDbContext>
{
    public PostgresCasesDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), CasesModule.Name), null);
}
