-- error: 1:8: unterminated string literal
SELECT 'abc FROM t
