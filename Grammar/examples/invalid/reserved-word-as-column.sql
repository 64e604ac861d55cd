-- error: 1:8: mismatched input 'select'. Expecting: '*', '+', '-', 'ALL', 'DISTINCT', 'NOT', <expression>
SELECT select FROM t
