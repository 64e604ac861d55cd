-- error: 2:1: mismatched input '<EOF>'. Expecting: 'WITH'
CREATE ENDPOINT e
