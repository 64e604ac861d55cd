-- The main job: register the bundled sample lake as the book 'Data Science on AWS' does, then ask it the book's
-- first questions. Safe to run again, from any clone: the table is registered anew at this checkout's location
-- (dropping an external table never deletes its files).
CREATE DATABASE IF NOT EXISTS dsoaws;

DROP TABLE IF EXISTS dsoaws.amazon_reviews_tsv;

CREATE EXTERNAL TABLE dsoaws.amazon_reviews_tsv(
    marketplace string, customer_id string, review_id string, product_id string, product_parent string,
    product_title string, product_category string, star_rating int, helpful_votes int, total_votes int,
    vine string, verified_purchase string, review_headline string, review_body string, review_date string)
ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n'
LOCATION 'Datasets/amazon-reviews/tsv'
TBLPROPERTIES ('compressionType'='gzip', 'skip.header.line.count'='1');

-- Reviews and average star rating per product category.
SELECT product_category,
       COUNT(*) AS reviews,
       ROUND(AVG(star_rating), 4) AS avg_star_rating
FROM dsoaws.amazon_reviews_tsv
GROUP BY product_category
ORDER BY reviews DESC, product_category;
