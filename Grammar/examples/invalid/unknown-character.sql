-- error: 1:10: unexpected character '#'
SELECT a # b FROM t
