-- totals
DECLARE @keyLength int = 9;
DECLARE @role int = 0;
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @scope_Grain nvarchar(8) = N'Quarter';
DECLARE @scope_Start date = '2023-01-01';
DECLARE @scope_End date = '2024-12-31';
DECLARE @sk int = 20;
DECLARE @lowSk int = 2023000;
DECLARE @highSk int = 2024999;
DECLARE @native nvarchar(8) = N'Quarter';
DECLARE @keyLength20 int = 9;
DECLARE @role21 int = 1;
DECLARE @first11 varchar(12) = '361100000000';
DECLARE @last12 varchar(12) = '361100999999';
DECLARE @scope_Grain13 nvarchar(8) = N'Quarter';
DECLARE @scope_Start14 date = '2023-01-01';
DECLARE @scope_End15 date = '2024-12-31';
DECLARE @sk16 int = 19;
DECLARE @lowSk17 int = 2023000;
DECLARE @highSk18 int = 2024999;
DECLARE @native19 nvarchar(8) = N'Year';

SELECT [u].[GroupCode], [u].[PeriodKey], [u].[Role], COALESCE(SUM([u].[Value]), 0.0E0) AS [Sum], COALESCE(SUM([u].[Weight]), 0.0E0) AS [Weight], ISNULL(SUM([u].[Meets]), 0) AS [Meeting], COUNT(DISTINCT ([u].[UnitCode])) AS [Units]
FROM (
    SELECT [d0].[area_code] AS [UnitCode], SUBSTRING([d0].[area_code], 0 + 1, @keyLength) AS [GroupCode], [d3].[period_key] AS [PeriodKey], @role AS [Role], CAST([f].[value] AS float) * 1.0E0 AS [Value], 0.0E0 AS [Weight], 0 AS [Meets]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN (
        SELECT [d].[area_sk], [d].[area_code]
        FROM [dim_area] AS [d]
        WHERE [d].[area_code] >= @first AND [d].[area_code] <= @last
    ) AS [d0] ON [f].[area_sk] = [d0].[area_sk]
    INNER JOIN [dim_period] AS [d1] ON [f].[period_sk] = [d1].[period_sk]
    CROSS JOIN (
        SELECT [d2].[end_date], [d2].[period_key], [d2].[year]
        FROM [dim_period] AS [d2]
        WHERE [d2].[grain] = @scope_Grain AND [d2].[start_date] >= @scope_Start AND [d2].[end_date] <= @scope_End
    ) AS [d3]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] >= @lowSk AND [f].[period_sk] <= @highSk AND [d1].[grain] = @native AND [d1].[year] = [d3].[year] AND [d1].[end_date] <= [d3].[end_date]
    UNION ALL
    SELECT [d5].[area_code] AS [UnitCode], SUBSTRING([d5].[area_code], 0 + 1, @keyLength20) AS [GroupCode], [d8].[period_key] AS [PeriodKey], @role21 AS [Role], CAST([f0].[value] AS float) * 1.0E0 AS [Value], 0.0E0 AS [Weight], 0 AS [Meets]
    FROM [fct_indicator_value] AS [f0]
    INNER JOIN (
        SELECT [d4].[area_sk], [d4].[area_code]
        FROM [dim_area] AS [d4]
        WHERE [d4].[area_code] >= @first11 AND [d4].[area_code] <= @last12
    ) AS [d5] ON [f0].[area_sk] = [d5].[area_sk]
    INNER JOIN [dim_period] AS [d6] ON [f0].[period_sk] = [d6].[period_sk]
    CROSS JOIN (
        SELECT [d7].[end_date], [d7].[period_key], [d7].[start_date]
        FROM [dim_period] AS [d7]
        WHERE [d7].[grain] = @scope_Grain13 AND [d7].[start_date] >= @scope_Start14 AND [d7].[end_date] <= @scope_End15
    ) AS [d8]
    WHERE [f0].[indicator_sk] = @sk16 AND [f0].[period_sk] >= @lowSk17 AND [f0].[period_sk] <= @highSk18 AND [d6].[grain] = @native19 AND [d6].[start_date] <= [d8].[start_date] AND [d6].[end_date] >= [d8].[end_date]
) AS [u]
GROUP BY [u].[GroupCode], [u].[PeriodKey], [u].[Role]

-- expected units
DECLARE @keyLength int = 9;
DECLARE @scope_Grain nvarchar(8) = N'Quarter';
DECLARE @scope_Start date = '2023-01-01';
DECLARE @scope_End date = '2024-12-31';
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @kinds1 nvarchar(16) = N'Village';
DECLARE @kinds2 nvarchar(16) = N'Community';

SELECT [s].[GroupCode], [s].[period_key], COUNT(DISTINCT ([s].[area_code]))
FROM (
    SELECT [d].[area_code], [d1].[period_key], SUBSTRING([d].[area_code], 0 + 1, @keyLength) AS [GroupCode]
    FROM [dim_area] AS [d]
    CROSS JOIN (
        SELECT [d0].[end_date], [d0].[period_key], [d0].[start_date]
        FROM [dim_period] AS [d0]
        WHERE [d0].[grain] = @scope_Grain AND [d0].[start_date] >= @scope_Start AND [d0].[end_date] <= @scope_End
    ) AS [d1]
    WHERE [d].[area_code] >= @first AND [d].[area_code] <= @last AND [d].[kind] IN (@kinds1, @kinds2) AND [d].[valid_from] <= [d1].[end_date] AND ([d].[valid_to] IS NULL OR [d].[valid_to] >= [d1].[start_date])
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key]
