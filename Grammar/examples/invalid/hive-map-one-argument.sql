-- error: 1:28: map takes 2 type argument(s), got 1
CREATE EXTERNAL TABLE t (m map<string>)
