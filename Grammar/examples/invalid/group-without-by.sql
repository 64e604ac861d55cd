-- error: 1:23: mismatched input 'a'. Expecting: 'BY'
SELECT a FROM t GROUP a
