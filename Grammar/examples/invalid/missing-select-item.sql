-- error: 1:8: mismatched input 'FROM'. Expecting: '*', '+', '-', 'ALL', 'DISTINCT', 'NOT', <expression>
SELECT FROM t
