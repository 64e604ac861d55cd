-- error: 1:24: mismatched input 'WHERE'. Expecting: '.', 'AS', 'ON', 'USING', <identifier>
SELECT * FROM a JOIN b WHERE x = 1
