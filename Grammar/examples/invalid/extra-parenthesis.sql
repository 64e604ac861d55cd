-- error: 3:1: extraneous input ')'. Expecting: ',', '.', ';', 'AS', 'CROSS', 'EXCEPT', 'FETCH', 'FULL'
SELECT a
FROM t
)
