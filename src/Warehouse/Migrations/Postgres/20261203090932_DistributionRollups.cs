using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
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
                    indicator_sk = table.Column<int>(type: "integer", nullable: false),
                    period_sk = table.Column<int>(type: "integer", nullable: false),
                    prefix = table.Column<string>(type: "character varying(9)", unicode: false, maxLength: 9, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    mean = table.Column<double>(type: "double precision", nullable: true),
                    std_dev = table.Column<double>(type: "double precision", nullable: true),
                    min = table.Column<double>(type: "double precision", nullable: true),
                    p10 = table.Column<double>(type: "double precision", nullable: true),
                    q1 = table.Column<double>(type: "double precision", nullable: true),
                    median = table.Column<double>(type: "double precision", nullable: true),
                    q3 = table.Column<double>(type: "double precision", nullable: true),
                    p90 = table.Column<double>(type: "double precision", nullable: true),
                    max = table.Column<double>(type: "double precision", nullable: true),
                    gini = table.Column<double>(type: "double precision", nullable: true),
                    band_counts = table.Column<string>(type: "character varying(400)", unicode: false, maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_distribution", x => new { x.indicator_sk, x.period_sk, x.prefix });
                });

            // The roles that read the facts (the API's, made by `governance api-role`) read the roll-up too. Its rows are
            // whole areas' aggregates, so it has no row policy: the engine reads a row only where the caller's scope
            // holds the whole area (docs/warehouse.md).
            migrationBuilder.Sql("""
                DO $$
                DECLARE r record;
                BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_schema = current_schema() AND table_name = 'fct_indicator_value'
                               AND privilege_type = 'SELECT' AND grantee <> current_user
                    LOOP
                        EXECUTE format('grant select on agg_distribution to %I', r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_distribution");
        }
    }
}
