-- EXPLAIN, SHOW, DESCRIBE, USE.
EXPLAIN SELECT 1;
EXPLAIN ANALYZE VERBOSE SELECT count(*) FROM t;
EXPLAIN CREATE TABLE x AS SELECT 1 AS a;
SHOW DATABASES;
SHOW SCHEMAS LIKE 'ds%';
SHOW TABLES;
SHOW TABLES IN dsoaws LIKE 'amazon%';
SHOW TABLES FROM dsoaws 'amazon*';
DESCRIBE dsoaws.amazon_reviews_tsv;
DESCRIBE FORMATTED t;
DESCRIBE EXTENDED t;
DESC t;
DESCRIBE formatted;
SHOW CREATE TABLE dsoaws.amazon_reviews_tsv;
SHOW COLUMNS IN amazon_reviews_tsv IN dsoaws;
SHOW COLUMNS FROM dsoaws.amazon_reviews_tsv;
SHOW PARTITIONS dsoaws.amazon_reviews_parquet;
USE dsoaws;
