using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ValidityChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_ref_threshold_parameter_validity",
                table: "ref_threshold_parameter",
                sql: "valid_to IS NULL OR valid_to >= valid_from");

            migrationBuilder.AddCheckConstraint(
                name: "ck_dim_period_dates",
                table: "dim_period",
                sql: "end_date >= start_date");

            migrationBuilder.AddCheckConstraint(
                name: "ck_dim_area_validity",
                table: "dim_area",
                sql: "valid_to IS NULL OR valid_to >= valid_from");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ref_threshold_parameter_validity",
                table: "ref_threshold_parameter");

            migrationBuilder.DropCheckConstraint(
                name: "ck_dim_period_dates",
                table: "dim_period");

            migrationBuilder.DropCheckConstraint(
                name: "ck_dim_area_validity",
                table: "dim_area");
        }
    }
}
