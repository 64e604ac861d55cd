-- error: 1:25: mismatched input 'NOT'. Expecting: ';', 'EXCEPT', 'FETCH', 'GROUP', 'HAVING', 'INTERSECT'
SELECT * FROM t WHERE a NOT 5
