-- error: 1:42: unexpected character '\'
CREATE TABLE t WITH (format = 'PARQUET', \
