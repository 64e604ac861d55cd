-- error: 1:8: binary literal can only contain hexadecimal digits
SELECT X'GG'
