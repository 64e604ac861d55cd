-- error: 1:42: mismatched input 'SELECT'. Expecting: 'AS'
CREATE TABLE t WITH (format = 'PARQUET') SELECT 1
