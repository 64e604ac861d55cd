-- error: 1:54: mismatched input '1'. Expecting: <string>
CREATE EXTERNAL TABLE t (a int) TBLPROPERTIES ('k' = 1)
