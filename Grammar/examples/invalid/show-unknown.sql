-- error: 1:6: mismatched input 'VIEWS'. Expecting: 'COLUMNS', 'CREATE', 'DATABASES', 'ENDPOINTS'
SHOW VIEWS
