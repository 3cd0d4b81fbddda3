-- top 10 villages by value
DECLARE @keyLength int = 12;
DECLARE @role int = 0;
DECLARE @scope_Grain nvarchar(8) = N'Year';
DECLARE @scope_Start date = '2024-01-01';
DECLARE @scope_End date = '2024-12-31';
DECLARE @sk int = 2;
DECLARE @lowSk int = 2024000;
DECLARE @highSk int = 2024999;
DECLARE @native nvarchar(8) = N'Year';
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @p int = 0;
DECLARE @p12 int = 10;

SELECT [s].[GroupCode], [s].[period_key0] AS [PeriodKey], [s].[Role], COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) AS [Sum], COALESCE(SUM(0.0E0), 0.0E0) AS [Weight], ISNULL(SUM(0), 0) AS [Meeting]
FROM (
    SELECT [f].[value], [d2].[period_key] AS [period_key0], SUBSTRING([d].[area_code], 0 + 1, @keyLength) AS [GroupCode], @role AS [Role]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN [dim_area] AS [d] ON [f].[area_sk] = [d].[area_sk]
    INNER JOIN [dim_period] AS [d0] ON [f].[period_sk] = [d0].[period_sk]
    CROSS JOIN (
        SELECT [d1].[end_date], [d1].[period_key], [d1].[start_date]
        FROM [dim_period] AS [d1]
        WHERE [d1].[grain] = @scope_Grain AND [d1].[start_date] >= @scope_Start AND [d1].[end_date] <= @scope_End
    ) AS [d2]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] >= @lowSk AND [f].[period_sk] <= @highSk AND [d0].[grain] = @native AND [d].[area_code] >= @first AND [d].[area_code] <= @last AND [d0].[start_date] >= [d2].[start_date] AND [d0].[end_date] <= [d2].[end_date]
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key0], [s].[Role]
ORDER BY COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) DESC, [s].[GroupCode], [s].[period_key0]
OFFSET @p ROWS FETCH NEXT @p12 ROWS ONLY
