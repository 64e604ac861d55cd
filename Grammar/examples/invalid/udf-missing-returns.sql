-- error: 1:25: mismatched input 'TYPE'. Expecting: 'RETURNS'
USING FUNCTION f(x int) TYPE LAMBDA_INVOKE WITH (lambda_name = 'f') SELECT f(1)
