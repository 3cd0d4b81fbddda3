using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FactTablesWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_dim_area_area_sk",
                table: "fct_indicator_value");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_dim_indicator_indicator_sk",
                table: "fct_indicator_value");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_dim_period_period_sk",
                table: "fct_indicator_value");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_load_batches_load_batch_id",
                table: "fct_indicator_value");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_history_dim_area_area_sk",
                table: "fct_indicator_value_history");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_history_dim_indicator_indicator_sk",
                table: "fct_indicator_value_history");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_history_dim_period_period_sk",
                table: "fct_indicator_value_history");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_history_load_batches_load_batch_id",
                table: "fct_indicator_value_history");

            migrationBuilder.DropForeignKey(
                name: "fk_fct_indicator_value_history_load_batches_superseded_by_batch_id",
                table: "fct_indicator_value_history");

            migrationBuilder.DropIndex(
                name: "ix_fct_indicator_value_history_indicator_sk",
                table: "fct_indicator_value_history");

            migrationBuilder.DropIndex(
                name: "ix_fct_indicator_value_history_load_batch_id",
                table: "fct_indicator_value_history");

            migrationBuilder.DropIndex(
                name: "ix_fct_indicator_value_history_period_sk",
                table: "fct_indicator_value_history");

            migrationBuilder.DropIndex(
                name: "ix_fct_indicator_value_history_superseded_by_batch_id",
                table: "fct_indicator_value_history");

            migrationBuilder.DropIndex(
                name: "ix_fct_indicator_value_period_sk",
                table: "fct_indicator_value");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_fct_indicator_value_period_sk",
                table: "fct_indicator_value",
                column: "period_sk");

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_dim_area_area_sk",
                table: "fct_indicator_value",
                column: "area_sk",
                principalTable: "dim_area",
                principalColumn: "area_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_dim_indicator_indicator_sk",
                table: "fct_indicator_value",
                column: "indicator_sk",
                principalTable: "dim_indicator",
                principalColumn: "indicator_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_dim_period_period_sk",
                table: "fct_indicator_value",
                column: "period_sk",
                principalTable: "dim_period",
                principalColumn: "period_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_load_batches_load_batch_id",
                table: "fct_indicator_value",
                column: "load_batch_id",
                principalTable: "etl_load_batch",
                principalColumn: "load_batch_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_history_dim_area_area_sk",
                table: "fct_indicator_value_history",
                column: "area_sk",
                principalTable: "dim_area",
                principalColumn: "area_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_history_dim_indicator_indicator_sk",
                table: "fct_indicator_value_history",
                column: "indicator_sk",
                principalTable: "dim_indicator",
                principalColumn: "indicator_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_history_dim_period_period_sk",
                table: "fct_indicator_value_history",
                column: "period_sk",
                principalTable: "dim_period",
                principalColumn: "period_sk",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_history_load_batches_load_batch_id",
                table: "fct_indicator_value_history",
                column: "load_batch_id",
                principalTable: "etl_load_batch",
                principalColumn: "load_batch_id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_fct_indicator_value_history_load_batches_superseded_by_batch_id",
                table: "fct_indicator_value_history",
                column: "superseded_by_batch_id",
                principalTable: "etl_load_batch",
                principalColumn: "load_batch_id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
