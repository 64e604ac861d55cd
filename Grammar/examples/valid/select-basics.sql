-- Select lists, aliases, DISTINCT, WHERE, ORDER BY, LIMIT.
SELECT * FROM dsoaws.amazon_reviews_tsv WHERE product_category = 'Digital_Video_Download' LIMIT 10;
SELECT DISTINCT product_category FROM dsoaws.amazon_reviews_parquet ORDER BY product_category;
SELECT t.*, r.review_id AS id, star_rating rating, "Quoted Name", `backquoted` FROM reviews AS t, ratings r;
SELECT year, date, data, location, format, comment FROM t;
SELECT a FROM t ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST OFFSET 5 ROWS LIMIT ALL;
SELECT a FROM t OFFSET 1 ROW FETCH FIRST 3 ROWS ONLY;
SELECT a FROM t FETCH NEXT ROW WITH TIES;
SELECT ALL a FROM t LIMIT 10;
