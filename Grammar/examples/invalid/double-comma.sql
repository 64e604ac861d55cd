-- error: 1:10: mismatched input ','. Expecting: '*', '+', '-', 'NOT', <expression>
SELECT a,, b FROM t
