# Makes brotli_small.parquet (run with the git-ignored venv: .venv/bin/python make_brotli.py).
# 50 rows: id INT64, name STRING (dictionary), score DOUBLE with NULLs, tags LIST<STRING>; BROTLI, two row groups.
import pyarrow as pa
import pyarrow.parquet as pq

ids = list(range(50))
table = pa.table({
    "id": pa.array(ids, pa.int64()),
    "name": pa.array([f"name-{i % 7}" for i in ids]),
    "score": pa.array([None if i % 5 == 0 else i * 1.5 for i in ids], pa.float64()),
    "tags": pa.array([[f"t{j}" for j in range(i % 3)] for i in ids], pa.list_(pa.string())),
})
pq.write_table(table, "brotli_small.parquet", compression="BROTLI", row_group_size=30)
