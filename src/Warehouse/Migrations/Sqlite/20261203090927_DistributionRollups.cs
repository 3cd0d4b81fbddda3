using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistributionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agg_distribution",
                columns: table => new
                {
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    mean = table.Column<double>(type: "REAL", nullable: true),
                    std_dev = table.Column<double>(type: "REAL", nullable: true),
                    min = table.Column<double>(type: "REAL", nullable: true),
                    p10 = table.Column<double>(type: "REAL", nullable: true),
                    q1 = table.Column<double>(type: "REAL", nullable: true),
                    median = table.Column<double>(type: "REAL", nullable: true),
                    q3 = table.Column<double>(type: "REAL", nullable: true),
                    p90 = table.Column<double>(type: "REAL", nullable: true),
                    max = table.Column<double>(type: "REAL", nullable: true),
                    gini = table.Column<double>(type: "REAL", nullable: true),
                    band_counts = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_distribution", x => new { x.indicator_sk, x.period_sk, x.prefix });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_distribution");
        }
    }
}
