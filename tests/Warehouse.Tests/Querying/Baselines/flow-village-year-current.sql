-- totals
DECLARE @keyLength int = 12;
DECLARE @role int = 0;
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @sk int = 2;
DECLARE @targetSks1 int = 2023000;
DECLARE @targetSks2 int = 2024000;

SELECT [s].[GroupCode], [s].[period_key] AS [PeriodKey], [s].[Role], COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) AS [Sum], COALESCE(SUM(0.0E0), 0.0E0) AS [Weight], ISNULL(SUM(0), 0) AS [Meeting], COUNT(DISTINCT ([s].[area_code])) AS [Units]
FROM (
    SELECT [f].[value], [d0].[area_code], [d1].[period_key], SUBSTRING(COALESCE((
        SELECT MIN([d2].[area_code])
        FROM [dim_area_lineage] AS [d2]
        WHERE [d2].[replaced_code] = [d0].[area_code]), [d0].[area_code]), 0 + 1, @keyLength) AS [GroupCode], @role AS [Role]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN (
        SELECT [d].[area_sk], [d].[area_code]
        FROM [dim_area] AS [d]
        WHERE [d].[area_code] >= @first AND [d].[area_code] <= @last
    ) AS [d0] ON [f].[area_sk] = [d0].[area_sk]
    INNER JOIN [dim_period] AS [d1] ON [f].[period_sk] = [d1].[period_sk]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] IN (@targetSks1, @targetSks2)
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key], [s].[Role]

-- expected units
DECLARE @keyLength int = 12;
DECLARE @scope_Grain nvarchar(8) = N'Year';
DECLARE @scope_Start date = '2023-01-01';
DECLARE @scope_End date = '2024-12-31';
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @kinds1 nvarchar(16) = N'Village';

SELECT [s].[GroupCode], [s].[period_key], COUNT(DISTINCT ([s].[area_code]))
FROM (
    SELECT [d].[area_code], [d1].[period_key], SUBSTRING(COALESCE((
        SELECT MIN([d2].[area_code])
        FROM [dim_area_lineage] AS [d2]
        WHERE [d2].[replaced_code] = [d].[area_code]), [d].[area_code]), 0 + 1, @keyLength) AS [GroupCode]
    FROM [dim_area] AS [d]
    CROSS JOIN (
        SELECT [d0].[end_date], [d0].[period_key], [d0].[start_date]
        FROM [dim_period] AS [d0]
        WHERE [d0].[grain] = @scope_Grain AND [d0].[start_date] >= @scope_Start AND [d0].[end_date] <= @scope_End
    ) AS [d1]
    WHERE [d].[area_code] >= @first AND [d].[area_code] <= @last AND [d].[kind] = @kinds1 AND [d].[valid_from] <= [d1].[end_date] AND ([d].[valid_to] IS NULL OR [d].[valid_to] >= [d1].[start_date])
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key]
