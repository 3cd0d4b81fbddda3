using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartitionedFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // fct_indicator_value and its history partitioned by year (docs/operations.md); the model is unchanged.
            Governance.Warehouse.Schema.PartitionedFacts.Partition(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Governance.Warehouse.Schema.PartitionedFacts.Unpartition(migrationBuilder);
        }
    }
}
