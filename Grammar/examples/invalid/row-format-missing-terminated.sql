-- error: 1:61: mismatched input 'BY'. Expecting: 'TERMINATED'
CREATE EXTERNAL TABLE t (a int) ROW FORMAT DELIMITED FIELDS BY ','
