using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse;

/// <summary>The star schema. One subclass per provider carries that provider's migrations.</summary>
public abstract class WarehouseDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Area> Areas => Set<Area>();

    public DbSet<AreaLineage> AreaLineage => Set<AreaLineage>();

    public DbSet<Period> Periods => Set<Period>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<ThresholdParameter> ThresholdParameters => Set<ThresholdParameter>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<IndicatorValueHistory> IndicatorValueHistory => Set<IndicatorValueHistory>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<LoadBatch> LoadBatches => Set<LoadBatch>();

    public DbSet<LoadReject> LoadRejects => Set<LoadReject>();

    public DbSet<LoadWarning> LoadWarnings => Set<LoadWarning>();

    public DbSet<Security.ApiKey> ApiKeys => Set<Security.ApiKey>();

    /// <summary>The one row of <c>warehouse_version</c>: read it with <see cref="WarehouseVersion.ReadAsync(DbContext, CancellationToken)"/>, advance it with <see cref="WarehouseVersion.AdvanceAsync"/>.</summary>
    public DbSet<WarehouseVersion> WarehouseVersions => Set<WarehouseVersion>();
    public DbSet<Reports.SavedReport> SavedReports => Set<Reports.SavedReport>();

    public DbSet<Rollups.DistributionRollup> DistributionRollups => Set<Rollups.DistributionRollup>();

    /// <summary>The first and last units of each summed village indicator by value and by growth (<c>agg_ranking</c>).</summary>
    public DbSet<Rollups.RankingRollup> RankingRollups => Set<Rollups.RankingRollup>();

    /// <summary>The inputs roll-ups are kept for (<c>agg_input</c>).</summary>
    public DbSet<Rollups.RollupInput> RollupInputs => Set<Rollups.RollupInput>();

    /// <summary>Roll-up totals per input, area and period (<c>agg_total</c>).</summary>
    public DbSet<Rollups.RollupTotal> RollupTotals => Set<Rollups.RollupTotal>();

    /// <summary>Units expected to report per capture level, area and period (<c>agg_expected</c>).</summary>
    public DbSet<Rollups.RollupExpected> RollupExpected => Set<Rollups.RollupExpected>();

    /// <summary>The one row saying whether the roll-ups are current (<c>agg_state</c>).</summary>
    public DbSet<Rollups.RollupState> RollupStates => Set<Rollups.RollupState>();

    /// <summary>Requests granted per caller and minute, shared by the API instances (<see cref="Security.RequestCountStore"/>).</summary>
    public DbSet<Security.RequestCount> RequestCounts => Set<Security.RequestCount>();

    /// <summary>The provider this context speaks to.</summary>
    public abstract WarehouseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WarehouseDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        configurationBuilder.Properties<AreaLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AreaKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PeriodGrain>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<CaptureLevel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TimeAggregation>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<AreaAggregation>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ThresholdComparison>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ValueStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<LoadBatchStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<LoadBatchKind>().HaveConversion<string>().HaveMaxLength(24);
    }
}
