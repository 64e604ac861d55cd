-- error: 1:8: zero-length delimited identifier not allowed
SELECT "" FROM t
