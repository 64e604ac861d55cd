-- GROUP BY forms, HAVING, window functions.
SELECT product_category, COUNT(*) AS n FROM t GROUP BY product_category HAVING COUNT(*) > 10 ORDER BY n DESC;
SELECT a, b, sum(c) FROM t GROUP BY 1, 2;
SELECT a, b, sum(c) FROM t GROUP BY ROLLUP (a, b);
SELECT a, b, sum(c) FROM t GROUP BY CUBE (a, b);
SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), (a), ());
SELECT a, grouping(a, b) FROM t GROUP BY DISTINCT a, ROLLUP (b);
SELECT rank() OVER (PARTITION BY product_category ORDER BY star_rating DESC) FROM t;
SELECT sum(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t;
SELECT avg(x) OVER (PARTITION BY a ORDER BY d RANGE BETWEEN INTERVAL '7' DAY PRECEDING AND CURRENT ROW) FROM t;
SELECT sum(x) OVER (ROWS 3 PRECEDING), lag(x, 1) IGNORE NULLS OVER w FROM t WINDOW w AS (ORDER BY d);
SELECT count(*) FILTER (WHERE star_rating > 3), array_agg(x ORDER BY y DESC) FROM t;
SELECT APPROXIMATE COUNT(DISTINCT customer_id) FROM t;
SELECT count(DISTINCT a), approx_distinct(b) FROM t;
