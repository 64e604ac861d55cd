-- error: 1:34: mismatched input 'FROM'. Expecting: 'END'
SELECT CASE WHEN a THEN 1 ELSE 2 FROM t
