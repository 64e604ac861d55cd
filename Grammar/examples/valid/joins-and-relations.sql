-- Joins, subqueries in FROM, UNNEST, LATERAL.
SELECT * FROM a INNER JOIN b ON a.id = b.id LEFT JOIN c USING (id) RIGHT OUTER JOIN d ON TRUE FULL JOIN e ON a.x = e.x;
SELECT * FROM a CROSS JOIN b NATURAL JOIN c;
SELECT s.x FROM (SELECT 1 AS x) AS s (x);
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (id, name);
SELECT x, n FROM UNNEST(ARRAY[1, 2, 3]) WITH ORDINALITY AS t (x, n);
SELECT r.review_id, w FROM reviews r CROSS JOIN UNNEST(split(r.review_body, ' ')) AS t (w);
SELECT * FROM t, LATERAL (SELECT t.a + 1 AS b);
SELECT * FROM (a JOIN b ON a.k = b.k) JOIN c ON c.k = a.k;
