-- error: 1:6: mismatched input 'TABLE'. Expecting: 'REPAIR'
MSCK TABLE t
