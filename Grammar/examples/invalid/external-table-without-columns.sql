-- error: 1:25: mismatched input 'LOCATION'. Expecting: '(', '.'
CREATE EXTERNAL TABLE t LOCATION 's3://x'
