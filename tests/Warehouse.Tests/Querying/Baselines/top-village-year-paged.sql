-- top 10 villages by value
DECLARE @keyLength int = 12;
DECLARE @role int = 0;
DECLARE @sk int = 2;
DECLARE @targetSks1 int = 2024000;
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @p int = 0;
DECLARE @p7 int = 10;

SELECT [s].[GroupCode], [s].[period_key] AS [PeriodKey], [s].[Role], COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) AS [Sum], COALESCE(SUM(0.0E0), 0.0E0) AS [Weight], ISNULL(SUM(0), 0) AS [Meeting]
FROM (
    SELECT [f].[value], [d0].[period_key], SUBSTRING([d].[area_code], 0 + 1, @keyLength) AS [GroupCode], @role AS [Role]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN [dim_area] AS [d] ON [f].[area_sk] = [d].[area_sk]
    INNER JOIN [dim_period] AS [d0] ON [f].[period_sk] = [d0].[period_sk]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] = @targetSks1 AND [d].[area_code] >= @first AND [d].[area_code] <= @last
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key], [s].[Role]
ORDER BY COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) DESC, [s].[GroupCode], [s].[period_key]
OFFSET @p ROWS FETCH NEXT @p7 ROWS ONLY
