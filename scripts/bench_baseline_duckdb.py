#!/usr/bin/env python3
"""DuckDB's read_json computing the same baseline aggregation as bench_baseline_python.py.

Usage: bench_baseline_duckdb.py PRICES.toml FILE...   (needs `pip install duckdb`; the benchmark
script installs it into .bench/venv). Prints the total cost and the number of calls, then the
seconds it took on stderr.
"""
import sys
import time
import tomllib

import duckdb


def main():
    with open(sys.argv[1], "rb") as handle:
        book = tomllib.load(handle)
    rows = {}
    for model in book.get("model", []):
        for name in [model["id"]] + model.get("aliases", []):
            rows[name] = ((name, float(model["input"]), float(model["output"]),
                         float(model.get("cache_write_5m", model["input"])), float(model.get("cache_read", model["input"]))))
    rows = list(rows.values())  # one row per name: later entries of an id are newer prices
    files = sys.argv[2:]
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("CREATE TABLE prices(model VARCHAR, r_in DOUBLE, r_out DOUBLE, r_write DOUBLE, r_read DOUBLE)")
    con.executemany("INSERT INTO prices VALUES (?, ?, ?, ?, ?)", rows)
    # Only the fields the aggregation needs are declared; DuckDB skips the rest of each object.
    query = """
        WITH calls AS (
            SELECT substr(ts, 1, 10) AS day, request.model AS model,
                   coalesce(response.usage, usage) AS u
            FROM read_json(?, format = 'newline_delimited', ignore_errors = true,
                           columns = {ts: 'VARCHAR', request: 'STRUCT(model VARCHAR)',
                                      response: 'STRUCT(usage JSON)', usage: 'JSON'})
        ), buckets AS (
            SELECT day, model,
                CASE WHEN (u->>'prompt_tokens') IS NOT NULL
                     THEN (u->>'prompt_tokens')::BIGINT - coalesce((u->'prompt_tokens_details'->>'cached_tokens')::BIGINT, 0)
                     WHEN (u->'input_tokens_details') IS NOT NULL
                     THEN (u->>'input_tokens')::BIGINT - coalesce((u->'input_tokens_details'->>'cached_tokens')::BIGINT, 0)
                     ELSE coalesce((u->>'input_tokens')::BIGINT, 0) END AS uncached,
                coalesce((u->>'cache_creation_input_tokens')::BIGINT, 0) AS write_tokens,
                coalesce((u->'prompt_tokens_details'->>'cached_tokens')::BIGINT,
                         (u->'input_tokens_details'->>'cached_tokens')::BIGINT,
                         (u->>'cache_read_input_tokens')::BIGINT, 0) AS read_tokens,
                coalesce((u->>'completion_tokens')::BIGINT, (u->>'output_tokens')::BIGINT, 0) AS output_tokens
            FROM calls
        ), costs AS (
            SELECT b.model, b.day, count(*) AS calls,
                   sum((uncached * r_in + write_tokens * r_write + read_tokens * r_read + output_tokens * r_out) / 1e6) AS cost
            FROM buckets b LEFT JOIN prices p ON p.model = b.model
            GROUP BY b.model, b.day
        )
        SELECT coalesce(sum(cost), 0), sum(calls) FROM costs
    """
    total, calls = con.execute(query, [files]).fetchone()
    elapsed = time.perf_counter() - start
    print(f"{total:.6f} {calls}")
    print(f"{elapsed:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
