-- error: 1:10: unterminated comment
SELECT 1 /* never closed
