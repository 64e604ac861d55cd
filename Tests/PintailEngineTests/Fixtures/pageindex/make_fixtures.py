"""Writes the page-index test fixtures (run with the repo's .venv python from this folder).

indexed/part-0.parquet and plain/part-0.parquet hold the same 8,000 rows in 2 row groups of 4,000; only the first
carries column and offset indexes. Pages are small (~1 KB) so each column has dozens of pages per row group, and
columns' pages end at different rows. Per row i: id = i (sorted), name = 'n' + i zero-padded to 6 (sorted),
score = (i * 37) % 1000 + 0.5 (unsorted), NaN when i % 997 == 5; flag = i % 4, NULL for rows 1000..2999 (whole null
pages); cat = one of 5 words by i // 1600 (dictionary, sorted); amount = decimal(10,2) of i * 3 cents;
d = 2020-01-01 + i // 100 days.
"""
import datetime, decimal
import pyarrow as pa, pyarrow.parquet as pq

N = 8000
ids = list(range(N))
table = pa.table({
    "id": pa.array(ids, pa.int64()),
    "name": pa.array(["n%06d" % i for i in ids], pa.string()),
    "score": pa.array([float("nan") if i % 997 == 5 else (i * 37) % 1000 + 0.5 for i in ids], pa.float64()),
    "flag": pa.array([None if 1000 <= i < 3000 else i % 4 for i in ids], pa.int32()),
    "cat": pa.array([["apple", "banana", "cherry", "damson", "elder"][i // 1600] for i in ids], pa.string()),
    "amount": pa.array([decimal.Decimal(i * 3).scaleb(-2) for i in ids], pa.decimal128(10, 2)),
    "d": pa.array([datetime.date(2020, 1, 1) + datetime.timedelta(days=i // 100) for i in ids], pa.date32()),
})
common = dict(row_group_size=4000, data_page_size=1024, write_batch_size=50, compression="snappy",
              use_dictionary=["cat"])
pq.write_table(table, "indexed/part-0.parquet", write_page_index=True, **common)
pq.write_table(table, "plain/part-0.parquet", write_page_index=False, **common)
