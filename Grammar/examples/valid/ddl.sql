-- Databases and Hive tables.
CREATE DATABASE dsoaws;
CREATE SCHEMA IF NOT EXISTS lake COMMENT 'the lake' LOCATION 'Datasets/lake' WITH DBPROPERTIES ('creator' = 'me', 'team' = 'ds');
DROP DATABASE IF EXISTS lake CASCADE;
DROP SCHEMA lake RESTRICT;
CREATE EXTERNAL TABLE IF NOT EXISTS dsoaws.amazon_reviews_tsv(
    marketplace string COMMENT 'two-letter code',
    star_rating int,
    review_date string
) COMMENT 'reviews'
ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' ESCAPED BY '\\'
COLLECTION ITEMS TERMINATED BY '\002' MAP KEYS TERMINATED BY '\003'
LINES TERMINATED BY '\n' NULL DEFINED AS ''
LOCATION 'Datasets/amazon-reviews/tsv'
TBLPROPERTIES ('compressionType'='gzip', 'skip.header.line.count'='1');
CREATE EXTERNAL TABLE p (a int) PARTITIONED BY (product_category string COMMENT 'category', year int) STORED AS PARQUET LOCATION 'Datasets/p';
CREATE TABLE s (a int) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '"') STORED AS TEXTFILE;
CREATE EXTERNAL TABLE io (a int) STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat' OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
DROP TABLE IF EXISTS dsoaws.old;
DROP TABLE t;
