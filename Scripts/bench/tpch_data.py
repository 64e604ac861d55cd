"""TPC-H data and reference answers for pintail-bench, made with DuckDB's tpch extension (loaded offline from the
duckdb-extension-tpch wheel).

Usage: tpch_data.py generate SCALE_FACTOR OUT_DIR
    Writes OUT_DIR/<table>/data.parquet for the 8 tables (skips when OUT_DIR/done exists).
"""
import glob
import os
import sys

import duckdb

TABLES = ["nation", "region", "part", "supplier", "partsupp", "customer", "orders", "lineitem"]


def connect():
    """An in-memory DuckDB with the tpch extension loaded from the wheel's file (no network)."""
    import duckdb_extension_tpch
    base = os.path.dirname(duckdb_extension_tpch.__file__)
    paths = glob.glob(os.path.join(base, "extensions", "*", "tpch.duckdb_extension"))
    if not paths:
        raise SystemExit("duckdb_extension_tpch has no tpch.duckdb_extension file")
    con = duckdb.connect(config={"allow_unsigned_extensions": "true"})
    con.execute(f"LOAD '{paths[0]}'")
    return con


def generate(scale, out):
    if os.path.exists(os.path.join(out, "done")):
        return
    con = connect()
    con.execute(f"CALL dbgen(sf={float(scale)})")
    for t in TABLES:
        folder = os.path.join(out, t)
        os.makedirs(folder, exist_ok=True)
        con.execute(f"COPY {t} TO '{os.path.join(folder, 'data.parquet')}' "
                    "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)")
    with open(os.path.join(out, "done"), "w") as f:
        f.write(f"sf={scale}\n")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "generate":
        raise SystemExit(__doc__)
    generate(sys.argv[2], sys.argv[3])
