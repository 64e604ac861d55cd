-- error: 1:17: mismatched input ')'. Expecting: <type>
SELECT CAST(a AS) FROM t
