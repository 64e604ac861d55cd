"""Runs benchmark queries on one peer engine (DuckDB or DataFusion) for pintail-bench.

Usage: peer_driver.py duckdb|datafusion LAKE_DIR [reviews|partitions]

With `partitions`, LAKE_DIR is the partitions suite's lake instead: `events` (id, user_id, amount, kind),
hive-partitioned by `dt` (dt=YYYY-MM-DD/part-0.parquet), the partition value read as text.

Registers the lake's two layouts once, as `reviews_tsv` (gzip TSV files, header line, tab separated, no quoting,
`\\N` is NULL as in Hive) and `reviews_parquet` (hive-partitioned by product_category), then serves requests, one
JSON object per line on standard input: {"sql": "...", "max_rows": 10000}. Each answer is one JSON line:
{"ok": true, "seconds": s, "rows": n, "columns": [...], "data": [[...]] | null, "peak_rss_kb": k, "run_peak_rss_kb": k}
or {"ok": false, "error": "...", "seconds": s}. Only the query (execution and materialising the result as Arrow) is
timed; converting the rows to JSON is not. The first line written, before any request, is {"ready": true} or
{"ready": false, "error": "..."}.
"""
import datetime
import decimal
import json
import math
import resource
import sys
import time

TSV_COLUMNS = [
    ("marketplace", "string"), ("customer_id", "string"), ("review_id", "string"), ("product_id", "string"),
    ("product_parent", "string"), ("product_title", "string"), ("product_category", "string"),
    ("star_rating", "int"), ("helpful_votes", "int"), ("total_votes", "int"), ("vine", "string"),
    ("verified_purchase", "string"), ("review_headline", "string"), ("review_body", "string"),
    ("review_date", "string"),
]


def reset_peak_rss():
    """Linux resets VmHWM (the peak resident set) when 5 is written to clear_refs; harmless elsewhere."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def current_peak_rss_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class DuckDBPeer:
    def __init__(self, lake, layout="reviews"):
        import duckdb
        self.con = duckdb.connect()
        if layout == "partitions":
            self.con.execute(
                f"CREATE VIEW events AS SELECT * FROM read_parquet('{lake}/*/*.parquet', "
                "hive_partitioning=true, hive_types={'dt': VARCHAR})")
            return
        types = ", ".join(f"'{name}': '{'INTEGER' if kind == 'int' else 'VARCHAR'}'" for name, kind in TSV_COLUMNS)
        self.con.execute(
            f"CREATE VIEW reviews_tsv AS SELECT * FROM read_csv('{lake}/tsv/*.tsv.gz', delim='\\t', header=true, "
            f"quote='', escape='', nullstr='\\N', compression='gzip', columns={{{types}}})")
        self.con.execute(
            f"CREATE VIEW reviews_parquet AS SELECT * FROM read_parquet('{lake}/parquet/*/*.parquet', "
            "hive_partitioning=true, hive_types={'product_category': VARCHAR})")

    def run(self, sql):
        return self.con.sql(sql).arrow().read_all()


class DataFusionPeer:
    def __init__(self, lake, layout="reviews"):
        import datafusion
        import pyarrow as pa
        self.ctx = datafusion.SessionContext()
        if layout == "partitions":
            self.ctx.register_parquet("events", f"{lake}/", table_partition_cols=[("dt", pa.string())])
            return
        schema = pa.schema([(name, pa.int32() if kind == "int" else pa.string()) for name, kind in TSV_COLUMNS])
        options = datafusion.CsvReadOptions(
            has_header=True, delimiter="\t", schema=schema, file_extension=".tsv.gz", file_compression_type="gzip",
            null_regex="\\\\N")
        self.ctx.register_csv("reviews_tsv", f"{lake}/tsv/", options=options)
        self.ctx.register_parquet("reviews_parquet", f"{lake}/parquet/",
                                  table_partition_cols=[("product_category", pa.string())])

    def run(self, sql):
        return self.ctx.sql(sql).to_arrow_table()


def plain(value):
    """A JSON-friendly value: numbers stay numbers (decimals become doubles), dates ISO text, NaN as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def answer(peer, request):
    max_rows = int(request.get("max_rows", 10000))
    reset_peak_rss()
    started = time.perf_counter()
    try:
        table = peer.run(request["sql"])
    except Exception as error:  # the engine's own error text is the report
        return {"ok": False, "error": str(error).strip().splitlines()[0][:500],
                "seconds": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    run_peak = current_peak_rss_kb()
    data = None
    if table.num_rows <= max_rows:
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        data = [[plain(c[r]) for c in columns] for r in range(table.num_rows)]
    return {"ok": True, "seconds": seconds, "rows": table.num_rows, "columns": table.column_names, "data": data,
            "run_peak_rss_kb": run_peak, "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("duckdb", "datafusion") or \
            sys.argv[3:] not in ([], ["reviews"], ["partitions"]):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    engine, lake = sys.argv[1], sys.argv[2]
    layout = sys.argv[3] if len(sys.argv) == 4 else "reviews"
    try:
        peer = DuckDBPeer(lake, layout) if engine == "duckdb" else DataFusionPeer(lake, layout)
        import importlib.metadata
        version = importlib.metadata.version(engine)
    except Exception as error:
        print(json.dumps({"ready": False, "error": f"{type(error).__name__}: {error}"}), flush=True)
        sys.exit(1)
    print(json.dumps({"ready": True, "version": version}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(answer(peer, json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
