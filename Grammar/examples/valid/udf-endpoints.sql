-- Athena UDFs and Pintail endpoints.
USING FUNCTION invoke_lambda(input VARCHAR) RETURNS VARCHAR TYPE LAMBDA_INVOKE WITH (lambda_name = '<LAMBDA_NAME>') SELECT invoke('<INPUT>');
USING FUNCTION predict_sentiment(review_body VARCHAR(65535))
RETURNS VARCHAR(10) TYPE
SAGEMAKER_INVOKE_ENDPOINT WITH (sagemaker_endpoint = 'reviews')
SELECT predict_sentiment(review_body) AS sentiment
FROM "dsoaws"."amazon_reviews_tsv"
WHERE predict_sentiment(review_body)="POSITIVE";
USING EXTERNAL FUNCTION f(x bigint) RETURNS double SAGEMAKER 'ep', EXTERNAL FUNCTION g() RETURNS varchar LAMBDA 'fn', FUNCTION h(a int, b int) RETURNS int TYPE LAMBDA_INVOKE WITH (lambda_name = 'h') SELECT f(1), g(), h(1, 2);
CREATE ENDPOINT sentiment WITH (model = 'sentiment', path = '/models/bert');
CREATE OR REPLACE ENDPOINT IF NOT EXISTS reviews WITH (model = 'sentiment', path = '/dir', batch_size = 32);
DROP ENDPOINT IF EXISTS reviews;
DROP ENDPOINT sentiment;
SHOW ENDPOINTS;
