"""Writes nested_pageindex.parquet (run with the repo's .venv python from this folder): 3,000 rows in one row group
with column and offset indexes and small pages; id = i (sorted), tags = list of i % 4 strings ('t<i>-<k>'), NULL
when i % 7 == 3; pair = struct(a = i * 2, b = 'b<i>'); note = 'note <i>', NULL when i % 5 == 0."""
import pyarrow as pa, pyarrow.parquet as pq

N = 3000
table = pa.table({
    "id": pa.array(range(N), pa.int64()),
    "tags": pa.array([None if i % 7 == 3 else ["t%d-%d" % (i, k) for k in range(i % 4)] for i in range(N)],
                     pa.list_(pa.string())),
    "pair": pa.array([{"a": i * 2, "b": "b%d" % i} for i in range(N)], pa.struct([("a", pa.int64()), ("b", pa.string())])),
    "note": pa.array([None if i % 5 == 0 else "note %d" % i for i in range(N)], pa.string()),
})
pq.write_table(table, "nested_pageindex.parquet", write_page_index=True, data_page_size=512, write_batch_size=40,
               use_dictionary=False, compression="zstd")
