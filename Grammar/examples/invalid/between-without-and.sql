-- error: 1:35: mismatched input 'OR'. Expecting: 'AND'
SELECT * FROM t WHERE a BETWEEN 1 OR 2
