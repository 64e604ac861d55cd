"""Dumps Parquet files as JSON (schema, metadata, statistics and values) for the writer tests.

Usage: dump_parquet.py FILE...   Prints one JSON list with an object per file. Values are rendered as strings in a
form the Swift test can produce too: dates as days, timestamps as microseconds, binary as hex, decimals plain.
"""
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq


def render(value, arrow_type):
    if value is None:
        return None
    if pa.types.is_boolean(arrow_type):
        return "true" if value else "false"
    if pa.types.is_binary(arrow_type) or pa.types.is_fixed_size_binary(arrow_type):
        return value.hex()
    if pa.types.is_decimal(arrow_type):
        return format(value, "f")
    if pa.types.is_floating(arrow_type):
        return repr(float(value))
    return str(value)


def column_values(column):
    t = column.type
    if pa.types.is_date32(t):
        column = column.cast(pa.int32())
    elif pa.types.is_timestamp(t):
        column = column.cast(pa.int64())
    return [render(v, column.type) for v in column.to_pylist()]


def stat_value(value, physical):
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def dump(path):
    f = pq.ParquetFile(path)
    md = f.metadata
    table = f.read()
    groups = []
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        cols = []
        for c in range(rg.num_columns):
            cc = rg.column(c)
            s = cc.statistics
            cols.append({
                "codec": cc.compression,
                "encodings": list(cc.encodings),
                "has_dictionary": cc.has_dictionary_page,
                "null_count": s.null_count if s is not None and s.has_null_count else None,
                "min": stat_value(s.min, cc.physical_type) if s is not None and s.has_min_max else None,
                "max": stat_value(s.max, cc.physical_type) if s is not None and s.has_min_max else None,
            })
        groups.append({"rows": rg.num_rows, "columns": cols})
    return {
        "created_by": md.created_by,
        "num_rows": md.num_rows,
        "schema": {field.name: str(field.type) for field in table.schema},
        "nullable": {field.name: field.nullable for field in table.schema},
        "row_groups": groups,
        "values": {name: column_values(table.column(name)) for name in table.column_names},
    }


print(json.dumps([dump(p) for p in sys.argv[1:]]))
