-- WITH, set operations, VALUES, parenthesized queries.
WITH top (category, n) AS (SELECT product_category, count(*) FROM t GROUP BY 1), other AS (SELECT 1 AS x) SELECT * FROM top;
SELECT a FROM t UNION SELECT a FROM u UNION ALL SELECT a FROM v;
SELECT a FROM t INTERSECT DISTINCT SELECT a FROM u EXCEPT SELECT a FROM v;
(SELECT a FROM t ORDER BY a LIMIT 1) UNION (SELECT a FROM u);
VALUES 1, 2, 3;
VALUES (1, 'a'), (2, 'b');
TABLE dsoaws.amazon_reviews_tsv;
