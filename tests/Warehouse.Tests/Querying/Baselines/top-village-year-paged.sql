-- top 10 villages by value
DECLARE @keyLength int = 12;
DECLARE @role int = 0;
DECLARE @scope_Grain nvarchar(8) = N'Year';
DECLARE @scope_Start date = '2024-01-01';
DECLARE @scope_End date = '2024-12-31';
DECLARE @sk int = 2;
DECLARE @lowSk int = 2024000;
DECLARE @highSk int = 2024999;
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @p int = 0;
DECLARE @p11 int = 10;

SELECT [s].[GroupCode], [s].[period_key] AS [PeriodKey], [s].[Role], COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) AS [Sum], COALESCE(SUM(0.0E0), 0.0E0) AS [Weight], ISNULL(SUM(0), 0) AS [Meeting]
FROM (
    SELECT [f].[value], [d1].[period_key], SUBSTRING([d].[area_code], 0 + 1, @keyLength) AS [GroupCode], @role AS [Role]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN [dim_area] AS [d] ON [f].[area_sk] = [d].[area_sk]
    INNER JOIN (
        SELECT [d0].[period_sk], [d0].[period_key]
        FROM [dim_period] AS [d0]
        WHERE [d0].[grain] = @scope_Grain AND [d0].[start_date] >= @scope_Start AND [d0].[end_date] <= @scope_End
    ) AS [d1] ON [f].[period_sk] = [d1].[period_sk]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] >= @lowSk AND [f].[period_sk] <= @highSk AND [d].[area_code] >= @first AND [d].[area_code] <= @last
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key], [s].[Role]
ORDER BY COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) DESC, [s].[GroupCode], [s].[period_key]
OFFSET @p ROWS FETCH NEXT @p11 ROWS ONLY
