-- error: 1:15: mismatched input 'FROM'. Expecting: ')', ','
SELECT (a + b FROM t
