-- error: 1:8: unterminated quoted identifier
SELECT "abc FROM t
