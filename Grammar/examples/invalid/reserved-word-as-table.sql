-- error: 1:15: mismatched input 'order'. Expecting: '(', 'LATERAL', 'UNNEST', <identifier>
SELECT a FROM order
