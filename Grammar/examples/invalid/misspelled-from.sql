-- error: 1:10: mismatched input 'FORM'. Expecting: ',', ';', 'EXCEPT', 'FETCH', 'FROM', 'GROUP', 'HAVING'
SELECT * FORM t
