using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dim_area",
                columns: table => new
                {
                    area_sk = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    area_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: true),
                    urban_rural_class = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_area", x => x.area_sk);
                });

            migrationBuilder.CreateTable(
                name: "dim_area_lineage",
                columns: table => new
                {
                    area_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    replaced_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    effective_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_area_lineage", x => new { x.area_code, x.replaced_code });
                });

            migrationBuilder.CreateTable(
                name: "dim_indicator",
                columns: table => new
                {
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    indicator_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    definition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    is_derived = table.Column<bool>(type: "INTEGER", nullable: false),
                    capture_level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    native_grain = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    time_aggregation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    area_aggregation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    numerator_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    denominator_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    weight_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    threshold_parameter = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    threshold_comparison = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    scale = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: false),
                    numerator_year_to_date = table.Column<bool>(type: "INTEGER", nullable: false),
                    denominator_is_expected_units = table.Column<bool>(type: "INTEGER", nullable: false),
                    min_value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: true),
                    max_value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: true),
                    is_flag = table.Column<bool>(type: "INTEGER", nullable: false),
                    part_of_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_indicator", x => x.indicator_sk);
                });

            migrationBuilder.CreateTable(
                name: "dim_period",
                columns: table => new
                {
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    grain = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    quarter = table.Column<int>(type: "INTEGER", nullable: true),
                    month = table.Column<int>(type: "INTEGER", nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    parent_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    year_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    quarter_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    label = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dim_period", x => x.period_sk);
                });

            migrationBuilder.CreateTable(
                name: "etl_load_batch",
                columns: table => new
                {
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    is_dry_run = table.Column<bool>(type: "INTEGER", nullable: false),
                    rows_read = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_updated = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    warning_count = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_etl_load_batch", x => x.load_batch_id);
                });

            migrationBuilder.CreateTable(
                name: "ref_threshold_parameter",
                columns: table => new
                {
                    threshold_parameter_sk = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    parameter_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ref_threshold_parameter", x => x.threshold_parameter_sk);
                });

            migrationBuilder.CreateTable(
                name: "etl_reject",
                columns: table => new
                {
                    load_reject_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sheet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    line_number = table.Column<int>(type: "INTEGER", nullable: true),
                    column_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    rule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    raw_value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_etl_reject", x => x.load_reject_id);
                    table.ForeignKey(
                        name: "fk_etl_reject_etl_load_batch_load_batch_id",
                        column: x => x.load_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "etl_warning",
                columns: table => new
                {
                    load_warning_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    area_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    period_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: true),
                    previous_value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: true),
                    score = table.Column<double>(type: "REAL", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_etl_warning", x => x.load_warning_id);
                    table.ForeignKey(
                        name: "fk_etl_warning_etl_load_batch_load_batch_id",
                        column: x => x.load_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fct_indicator_value",
                columns: table => new
                {
                    area_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fct_indicator_value", x => new { x.area_sk, x.period_sk, x.indicator_sk });
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_dim_area_area_sk",
                        column: x => x.area_sk,
                        principalTable: "dim_area",
                        principalColumn: "area_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_dim_indicator_indicator_sk",
                        column: x => x.indicator_sk,
                        principalTable: "dim_indicator",
                        principalColumn: "indicator_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_dim_period_period_sk",
                        column: x => x.period_sk,
                        principalTable: "dim_period",
                        principalColumn: "period_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_load_batches_load_batch_id",
                        column: x => x.load_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fct_indicator_value_history",
                columns: table => new
                {
                    indicator_value_history_id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    area_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    superseded_by_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fct_indicator_value_history", x => x.indicator_value_history_id);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_history_dim_area_area_sk",
                        column: x => x.area_sk,
                        principalTable: "dim_area",
                        principalColumn: "area_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_history_dim_indicator_indicator_sk",
                        column: x => x.indicator_sk,
                        principalTable: "dim_indicator",
                        principalColumn: "indicator_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_history_dim_period_period_sk",
                        column: x => x.period_sk,
                        principalTable: "dim_period",
                        principalColumn: "period_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_history_load_batches_load_batch_id",
                        column: x => x.load_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_indicator_value_history_load_batches_superseded_by_batch_id",
                        column: x => x.superseded_by_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fct_target",
                columns: table => new
                {
                    area_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    period_sk = table.Column<int>(type: "INTEGER", nullable: false),
                    target_value = table.Column<decimal>(type: "NUMERIC", precision: 19, scale: 4, nullable: false),
                    load_batch_id = table.Column<long>(type: "INTEGER", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fct_target", x => new { x.area_sk, x.indicator_sk, x.period_sk });
                    table.ForeignKey(
                        name: "fk_fct_target_dim_area_area_sk",
                        column: x => x.area_sk,
                        principalTable: "dim_area",
                        principalColumn: "area_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_target_dim_indicator_indicator_sk",
                        column: x => x.indicator_sk,
                        principalTable: "dim_indicator",
                        principalColumn: "indicator_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_target_dim_period_period_sk",
                        column: x => x.period_sk,
                        principalTable: "dim_period",
                        principalColumn: "period_sk",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fct_target_etl_load_batch_load_batch_id",
                        column: x => x.load_batch_id,
                        principalTable: "etl_load_batch",
                        principalColumn: "load_batch_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dim_area_area_code_valid_from",
                table: "dim_area",
                columns: new[] { "area_code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_area_level_area_code",
                table: "dim_area",
                columns: new[] { "level", "area_code" });

            migrationBuilder.CreateIndex(
                name: "ix_dim_area_parent_code_is_current",
                table: "dim_area",
                columns: new[] { "parent_code", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_dim_area_lineage_replaced_code",
                table: "dim_area_lineage",
                column: "replaced_code");

            migrationBuilder.CreateIndex(
                name: "ix_dim_indicator_indicator_code",
                table: "dim_indicator",
                column: "indicator_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_indicator_name_zh",
                table: "dim_indicator",
                column: "name_zh",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dim_period_grain_start_date",
                table: "dim_period",
                columns: new[] { "grain", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_dim_period_period_key",
                table: "dim_period",
                column: "period_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_etl_load_batch_file_sha256_status",
                table: "etl_load_batch",
                columns: new[] { "file_sha256", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_etl_reject_load_batch_id",
                table: "etl_reject",
                column: "load_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_etl_warning_load_batch_id",
                table: "etl_warning",
                column: "load_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_indicator_sk_period_sk_area_sk",
                table: "fct_indicator_value",
                columns: new[] { "indicator_sk", "period_sk", "area_sk" });

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_load_batch_id",
                table: "fct_indicator_value",
                column: "load_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_period_sk",
                table: "fct_indicator_value",
                column: "period_sk");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk",
                table: "fct_indicator_value_history",
                columns: new[] { "area_sk", "period_sk", "indicator_sk" });

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_history_indicator_sk",
                table: "fct_indicator_value_history",
                column: "indicator_sk");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_history_load_batch_id",
                table: "fct_indicator_value_history",
                column: "load_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_history_period_sk",
                table: "fct_indicator_value_history",
                column: "period_sk");

            migrationBuilder.CreateIndex(
                name: "ix_fct_indicator_value_history_superseded_by_batch_id",
                table: "fct_indicator_value_history",
                column: "superseded_by_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_fct_target_indicator_sk_period_sk",
                table: "fct_target",
                columns: new[] { "indicator_sk", "period_sk" });

            migrationBuilder.CreateIndex(
                name: "ix_fct_target_load_batch_id",
                table: "fct_target",
                column: "load_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_fct_target_period_sk",
                table: "fct_target",
                column: "period_sk");

            migrationBuilder.CreateIndex(
                name: "ix_ref_threshold_parameter_parameter_code_area_code_valid_from",
                table: "ref_threshold_parameter",
                columns: new[] { "parameter_code", "area_code", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dim_area_lineage");

            migrationBuilder.DropTable(
                name: "etl_reject");

            migrationBuilder.DropTable(
                name: "etl_warning");

            migrationBuilder.DropTable(
                name: "fct_indicator_value");

            migrationBuilder.DropTable(
                name: "fct_indicator_value_history");

            migrationBuilder.DropTable(
                name: "fct_target");

            migrationBuilder.DropTable(
                name: "ref_threshold_parameter");

            migrationBuilder.DropTable(
                name: "dim_area");

            migrationBuilder.DropTable(
                name: "dim_indicator");

            migrationBuilder.DropTable(
                name: "dim_period");

            migrationBuilder.DropTable(
                name: "etl_load_batch");
        }
    }
}
