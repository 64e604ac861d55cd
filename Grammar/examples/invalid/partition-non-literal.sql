-- error: 1:35: partition value must be a literal
ALTER TABLE t ADD PARTITION (dt = a + 1)
