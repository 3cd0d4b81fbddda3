using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RankingRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agg_ranking",
                columns: table => new
                {
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: false),
                    measure = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    is_descending = table.Column<bool>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    area_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    sort_value = table.Column<double>(type: "REAL", nullable: false),
                    area_unit_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_ranking", x => new { x.indicator_sk, x.period_sk, x.prefix, x.measure, x.is_descending, x.rank });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_ranking");
        }
    }
}
