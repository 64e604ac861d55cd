-- error: 3:1: mismatched input 'SELECT'. Expecting: ',', '.', ';', 'AS', 'CROSS', 'EXCEPT', 'FETCH', 'FULL'
SELECT 1
FROM t
SELECT 2
