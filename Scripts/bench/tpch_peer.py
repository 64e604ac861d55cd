"""Runs TPC-H queries on one peer engine (DuckDB or DataFusion) for `pintail-bench --suite tpch`.

Usage: tpch_peer.py duckdb|datafusion TPCH_DIR [tpch]

TPCH_DIR holds <table>/data.parquet for the 8 TPC-H tables (Scripts/bench/tpch_data.py). Speaks the same JSON-lines
protocol as peer_driver.py (whose answer() it reuses): {"ready": ...} first, then one answer per request.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_driver import answer  # noqa: E402
from tpch_data import TABLES  # noqa: E402


class DuckDBTPCH:
    def __init__(self, folder):
        import duckdb
        self.con = duckdb.connect()
        for t in TABLES:
            self.con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{folder}/{t}/*.parquet')")

    def run(self, sql):
        return self.con.sql(sql).arrow().read_all()


class DataFusionTPCH:
    def __init__(self, folder):
        import datafusion
        self.ctx = datafusion.SessionContext()
        for t in TABLES:
            self.ctx.register_parquet(t, f"{folder}/{t}/")

    def run(self, sql):
        return self.ctx.sql(sql).to_arrow_table()


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("duckdb", "datafusion") or sys.argv[3:] not in ([], ["tpch"]):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    engine, folder = sys.argv[1], sys.argv[2]
    try:
        peer = DuckDBTPCH(folder) if engine == "duckdb" else DataFusionTPCH(folder)
        import importlib.metadata
        version = importlib.metadata.version(engine)
    except Exception as error:
        print(json.dumps({"ready": False, "error": f"{type(error).__name__}: {error}"}), flush=True)
        sys.exit(1)
    print(json.dumps({"ready": True, "version": version}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(answer(peer, json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
