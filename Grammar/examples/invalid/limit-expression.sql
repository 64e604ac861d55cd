-- error: 1:23: mismatched input 'x'. Expecting: 'ALL', <integer>
SELECT a FROM t LIMIT x
