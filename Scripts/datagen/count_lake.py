"""Counts rows per category in both layouts of a generated lake with DuckDB, for the sample-lake test.

Usage: count_lake.py LAKE_DIR   Prints JSON {"tsv": {category: rows}, "parquet": {category: rows}, "parquet_schema": {...}}.
"""
import json
import sys

import duckdb

lake = sys.argv[1]
con = duckdb.connect()
tsv = con.sql(
    f"SELECT product_category, count(*) FROM read_csv('{lake}/tsv/*.tsv.gz', delim='\\t', header=true, quote='', "
    "escape='', all_varchar=true) GROUP BY 1").fetchall()
parquet = con.sql(
    f"SELECT product_category, count(*) FROM read_parquet('{lake}/parquet/*/*.parquet', hive_partitioning=true) "
    "GROUP BY 1").fetchall()
schema = con.sql(f"DESCRIBE SELECT * FROM read_parquet('{lake}/parquet/*/*.parquet', hive_partitioning=false)").fetchall()
print(json.dumps({
    "tsv": dict(tsv),
    "parquet": dict(parquet),
    "parquet_schema": {row[0]: row[1] for row in schema},
}))
