using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agg_expected",
                columns: table => new
                {
                    capture_level = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    grain = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    area_level = table.Column<int>(type: "int", nullable: false),
                    area_code = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    period_sk = table.Column<int>(type: "int", nullable: false),
                    unit_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_expected", x => new { x.capture_level, x.grain, x.area_level, x.area_code, x.period_sk });
                });

            migrationBuilder.CreateTable(
                name: "agg_input",
                columns: table => new
                {
                    input_sk = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    signature = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    grain = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    indicator_sk = table.Column<int>(type: "int", nullable: false),
                    window_mode = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    weight_indicator_sk = table.Column<int>(type: "int", nullable: true),
                    threshold_parameter = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true),
                    threshold_comparison = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: true),
                    sum_scale = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_input", x => x.input_sk);
                });

            migrationBuilder.CreateTable(
                name: "agg_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    first_year = table.Column<int>(type: "int", nullable: true),
                    last_year = table.Column<int>(type: "int", nullable: true),
                    rebuilt_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_state", x => x.id);
                    table.CheckConstraint("ck_agg_state_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "agg_total",
                columns: table => new
                {
                    input_sk = table.Column<int>(type: "int", nullable: false),
                    area_level = table.Column<int>(type: "int", nullable: false),
                    area_code = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    period_sk = table.Column<int>(type: "int", nullable: false),
                    value_sum = table.Column<long>(type: "bigint", nullable: false),
                    weight_sum = table.Column<long>(type: "bigint", nullable: false),
                    meeting_count = table.Column<int>(type: "int", nullable: false),
                    unit_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_total", x => new { x.input_sk, x.area_level, x.area_code, x.period_sk });
                });

            migrationBuilder.CreateIndex(
                name: "ix_agg_input_signature_grain",
                table: "agg_input",
                columns: new[] { "signature", "grain" },
                unique: true);

            Governance.Warehouse.Schema.RollupSchema.Create(migrationBuilder, Governance.Warehouse.WarehouseProvider.SqlServer);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_expected");

            migrationBuilder.DropTable(
                name: "agg_input");

            migrationBuilder.DropTable(
                name: "agg_state");

            migrationBuilder.DropTable(
                name: "agg_total");
        }
    }
}
