"""Decode benchmark peers (issue 3.9): makes the test files if missing and times pyarrow and DuckDB reading them.

Usage: decode_peers.py DIR ROWS THREADS
Writes DIR/decode-zstd.parquet and DIR/decode-snappy.parquet (ints, doubles, a 200-value dictionary string column
and ~100-byte random strings; row groups of 131,072 rows), then prints one JSON object: for each file and engine,
the best of three wall-clock times to read every column into memory (and the process CPU seconds of that run), on
1 thread and on THREADS threads. pyarrow's one-thread run sets its CPU and I/O pools to one thread each; it is
also timed streaming with iter_batches (batches dropped as read, no table built).
"""
import json, os, sys, time

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def make(path, rows, codec):
    if os.path.exists(path):
        return
    rng = np.random.default_rng(7)
    words = [f"category_{i:03d}" for i in range(200)]
    letters = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz      ", dtype=np.uint8)
    long_text = [bytes(letters[rng.integers(0, len(letters), 100)]).decode() for _ in range(rows // 16)]
    table = pa.table({
        "id": pa.array(np.arange(rows, dtype=np.int64)),
        "small": pa.array(rng.integers(0, 1000, rows, dtype=np.int32)),
        "amount": pa.array(rng.random(rows) * 1000),
        "category": pa.array([words[i] for i in rng.integers(0, 200, rows)]),
        "text": pa.array([long_text[i] for i in rng.integers(0, len(long_text), rows)]),
    })
    tmp = path + ".tmp"
    pq.write_table(table, tmp, compression=codec, row_group_size=131072, use_dictionary=["category"])
    os.rename(tmp, path)


def best(fn):
    """Best of three wall-clock times, with the process CPU seconds (all threads) of that run."""
    runs = []
    for _ in range(3):
        c = time.process_time()
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t, time.process_time() - c))
    return min(runs)


def stream(path):
    rows = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=65536, use_threads=False):
        rows += batch.num_rows
    return rows


def pyarrow_threads(cpu, io):
    pa.set_cpu_count(cpu)
    pa.set_io_thread_count(io)


def main():
    folder, rows, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(folder, exist_ok=True)
    out = {"pyarrow": pa.__version__, "duckdb": duckdb.__version__, "files": {}}
    for codec in ["zstd", "snappy"]:
        path = os.path.join(folder, f"decode-{codec}.parquet")
        make(path, rows, codec)
        entry = {"bytes": os.path.getsize(path), "rows": rows}
        # use_threads=False alone still decodes on pyarrow's CPU pool (two busy threads seen per /proc/self/task
        # on 2 cores), so one thread means a CPU pool and an I/O pool of one thread each.
        default_cpu, default_io = pa.cpu_count(), pa.io_thread_count()
        pyarrow_threads(1, 1)
        entry["pyarrow_1"], entry["pyarrow_1_cpu"] = best(lambda: pq.read_table(path, use_threads=False))
        # Streaming batches and dropping them, as Pintail's side does, without building the whole table.
        entry["pyarrow_stream_1"], entry["pyarrow_stream_1_cpu"] = best(lambda: stream(path))
        pyarrow_threads(default_cpu, default_io)
        entry["pyarrow_n"], entry["pyarrow_n_cpu"] = best(lambda: pq.read_table(path, use_threads=True))
        for n, key in [(1, "duckdb_1"), (threads, "duckdb_n")]:
            con = duckdb.connect()
            con.execute(f"SET threads={n}")
            entry[key], entry[key + "_cpu"] = best(
                lambda: con.execute(f"SELECT * FROM read_parquet('{path}')").to_arrow_table())
        out["files"][codec] = entry
    print(json.dumps(out))


if __name__ == "__main__":
    main()
