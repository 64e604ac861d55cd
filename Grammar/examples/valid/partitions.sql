-- Partition maintenance.
MSCK REPAIR TABLE dsoaws.amazon_reviews_parquet;
ALTER TABLE reviews ADD PARTITION (product_category = 'Books') LOCATION 'Datasets/p/product_category=Books';
ALTER TABLE reviews ADD IF NOT EXISTS PARTITION (year = 2020, month = -1) PARTITION (year = 2021, month = 1) LOCATION 'x';
ALTER TABLE reviews DROP PARTITION (product_category = 'Books');
ALTER TABLE reviews DROP IF EXISTS PARTITION (year = 2020), PARTITION (dt = DATE '2021-01-01');
