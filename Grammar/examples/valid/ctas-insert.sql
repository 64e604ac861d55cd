-- CTAS and INSERT.
CREATE TABLE IF NOT EXISTS dsoaws.amazon_reviews_parquet_ctas
WITH (format = 'PARQUET', external_location = 'Datasets/amazon-reviews/parquet-ctas', partitioned_by = ARRAY['product_category']) AS
SELECT marketplace, CAST(YEAR(DATE(review_date)) AS INTEGER) AS year, product_category FROM dsoaws.amazon_reviews_tsv;
CREATE TABLE t2 AS SELECT * FROM t WITH NO DATA;
CREATE TABLE t3 (a, b) COMMENT 'copy' AS (SELECT 1, 2) WITH DATA;
INSERT INTO t SELECT * FROM u;
INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y');
