using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Reports;

/// <summary>Adds, replaces, lists, finds and removes the saved reports of <c>saved_report</c>.</summary>
public sealed partial class SavedReportStore(IDbContextFactory<WarehouseDbContext> factory, TimeProvider clock)
{
    public const int MaxNameLength = 64;
    public const int MaxTitleLength = 200;

    /// <summary>A name that is its own URL segment: 1 to 64 lower-case letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Stores the report, replacing one of that name; true when it is new.</summary>
    public async Task<bool> SaveAsync(string name, string? title, string document, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"The report name '{name}' must be 1 to {MaxNameLength} lower-case letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        if (title?.Length > MaxTitleLength)
        {
            throw new ArgumentException($"The title has {title.Length} characters; at most {MaxTitleLength} are allowed.", nameof(title));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var report = await db.SavedReports.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        var created = report is null;
        if (report is null)
        {
            report = new SavedReport { Name = name, Document = document, CreatedAt = now };
            db.SavedReports.Add(report);
        }

        report.Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        report.Document = document;
        report.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    public async Task<IReadOnlyList<SavedReport>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SavedReports.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The report of that name, or null (also for a name that is not valid).</summary>
    public async Task<SavedReport?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SavedReports.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
    }

    /// <summary>Removes the report; false when there is none of that name.</summary>
    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name))
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SavedReports.Where(r => r.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
