using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Warehouse.Migrations.Postgres
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
                    indicator_sk = table.Column<int>(type: "integer", nullable: false),
                    period_sk = table.Column<int>(type: "integer", nullable: false),
                    prefix = table.Column<string>(type: "character varying(9)", unicode: false, maxLength: 9, nullable: false),
                    measure = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    is_descending = table.Column<bool>(type: "boolean", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    area_code = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    sort_value = table.Column<double>(type: "double precision", nullable: false),
                    area_unit_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agg_ranking", x => new { x.indicator_sk, x.period_sk, x.prefix, x.measure, x.is_descending, x.rank });
                });

            // The roles that read the facts (the API's, made by `governance api-role`) read the ranking too. Its rows rank
            // whole areas' units, so it has no row policy: the engine reads a ranking only where the caller's scope holds
            // the whole area (docs/warehouse.md), as for agg_distribution.
            migrationBuilder.Sql("""
                DO $$
                DECLARE r record;
                BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_schema = current_schema() AND table_name = 'fct_indicator_value'
                               AND privilege_type = 'SELECT' AND grantee <> current_user
                    LOOP
                        EXECUTE format('grant select on agg_ranking to %I', r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agg_ranking");
        }
    }
}
