-- error: 1:1: mismatched input 'UPDATE'. Expecting: '(', ';', 'ALTER', 'CREATE', 'DESC', 'DESCRIBE', 'DROP'
UPDATE t SET a = 1
