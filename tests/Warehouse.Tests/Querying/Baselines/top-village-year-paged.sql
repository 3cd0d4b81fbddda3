-- top 10 villages by value
DECLARE @keyLength int = 12;
DECLARE @role int = 0;
DECLARE @first varchar(12) = '361100000000';
DECLARE @last varchar(12) = '361100999999';
DECLARE @sk int = 2;
DECLARE @targetSks1 int = 2024000;
DECLARE @p int = 0;
DECLARE @p7 int = 10;

SELECT [s].[GroupCode], [s].[period_key] AS [PeriodKey], [s].[Role], COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) AS [Sum], COALESCE(SUM(0.0E0), 0.0E0) AS [Weight], ISNULL(SUM(0), 0) AS [Meeting]
FROM (
    SELECT [f].[value], [d1].[period_key], SUBSTRING([d0].[area_code], 0 + 1, @keyLength) AS [GroupCode], @role AS [Role]
    FROM [fct_indicator_value] AS [f]
    INNER JOIN (
        SELECT [d].[area_sk], [d].[area_code]
        FROM [dim_area] AS [d]
        WHERE [d].[area_code] >= @first AND [d].[area_code] <= @last
    ) AS [d0] ON [f].[area_sk] = [d0].[area_sk]
    INNER JOIN [dim_period] AS [d1] ON [f].[period_sk] = [d1].[period_sk]
    WHERE [f].[indicator_sk] = @sk AND [f].[period_sk] = @targetSks1
) AS [s]
GROUP BY [s].[GroupCode], [s].[period_key], [s].[Role]
ORDER BY COALESCE(SUM(CAST([s].[value] AS float) * 1.0E0), 0.0E0) DESC, [s].[GroupCode], [s].[period_key]
OFFSET @p ROWS FETCH NEXT @p7 ROWS ONLY
