-- error: 1:8: identifiers must not start with a digit; surround the identifier with double quotes
SELECT 1abc FROM t
