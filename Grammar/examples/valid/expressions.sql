-- Operators, predicates and special forms.
SELECT 1 + 2 * 3 - -4 / 2 % 3, 'a' || 'b' || c, NOT a AND b OR c FROM t;
SELECT * FROM t WHERE a BETWEEN 1 AND 10 AND b NOT BETWEEN 2 AND 3 AND c IS NULL AND d IS NOT NULL;
SELECT * FROM t WHERE a IN (1, 2, 3) AND b NOT IN (SELECT b FROM u) AND c LIKE 'x%' AND d NOT LIKE 'a!%' ESCAPE '!';
SELECT * FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d AND a <> b AND a != c AND a <= d AND a >= e;
SELECT * FROM t WHERE a = ANY (SELECT x FROM u) AND b > ALL (SELECT y FROM u) AND EXISTS (SELECT 1 FROM v);
SELECT NULL, TRUE, FALSE, 42, 1.5, .5, 1e3, 2.5E-2, X'0A1B', 'it''s', DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00:00', TIME '01:02:03';
SELECT INTERVAL '1' DAY, INTERVAL '1-2' YEAR TO MONTH, INTERVAL -'3' HOUR, DECIMAL '1.50';
SELECT ARRAY[1, 2, 3], ARRAY[], ROW(1, 'a'), (1, 2), a[1], m['key'], r.field.sub, ARRAY[1, 2][1];
SELECT CAST(YEAR(DATE(review_date)) AS INTEGER) AS year, TRY_CAST(x AS decimal(10,2)), CAST(y AS array(varchar));
SELECT CASE WHEN a > 1 THEN 'big' WHEN a = 1 THEN 'one' ELSE 'small' END, CASE b WHEN 1 THEN 'x' END FROM t;
SELECT EXTRACT(YEAR FROM d), EXTRACT(dow FROM d), CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_TIMESTAMP(3);
SELECT transform(xs, x -> x + 1), zip_with(a, b, (x, y) -> x * y), filter(xs, () -> TRUE) FROM t;
SELECT (SELECT max(a) FROM u), ((1 + 2)) * 3, ((SELECT 1) + 1);
SELECT CARDINALITY(SPLIT(review_body, ' ')) AS num_words, ROUND(AVG(star_rating), 4) FROM t;
SELECT POSITION('a' IN s), SUBSTRING(s FROM 2 FOR 3), substring(s, 2), TRIM(s), TRIM(LEADING 'x' FROM s), trim(BOTH FROM s);
SELECT ts AT TIME ZONE 'UTC', my_catalog.my_schema.my_function(1), "count"(*) FROM t;
SELECT * FROM t WHERE predict_sentiment(review_body) = "POSITIVE";
