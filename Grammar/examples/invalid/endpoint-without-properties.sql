-- error: 1:18: mismatched input '<EOF>'. Expecting: 'WITH'
CREATE ENDPOINT e
