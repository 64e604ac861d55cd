-- error: 1:39: unexpected character '{'
SELECT DISTINCT product_category from {{0}}.{{1}}
