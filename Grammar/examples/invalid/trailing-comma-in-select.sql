-- error: 1:11: mismatched input 'FROM'. Expecting: '*', '+', '-', 'NOT', <expression>, <identifier>
SELECT a, FROM t
