-- error: 1:8: binary literal must contain an even number of digits
SELECT X'ABC'
