#!/usr/bin/env python3
"""The script a user would write instead of costreplay: gzip + json, baseline cost by model and day.

Reads envelope logs (gzip or plain), prices each call from a costreplay TOML price book with the
base rates (no long-context tiers, no service-tier multipliers, exact model ids and aliases only),
and prints the total cost and the number of calls, then the seconds it took on stderr.
Usage: bench_baseline_python.py PRICES.toml FILE...
"""
import gzip
import json
import sys
import time
import tomllib
from collections import defaultdict


def load_prices(path):
    with open(path, "rb") as handle:
        book = tomllib.load(handle)
    prices = {}
    for model in book.get("model", []):
        rates = {key: float(model[key]) for key in ("input", "output", "cache_write_5m", "cache_read") if key in model}
        for name in [model["id"]] + model.get("aliases", []):
            prices[name] = rates  # later entries of an id are newer prices
    return prices


def usage_buckets(record):
    """(uncached input, cache write, cache read, output) from an Anthropic or OpenAI usage object."""
    response = record.get("response") or {}
    usage = response.get("usage") or record.get("usage") or {}
    if "prompt_tokens" in usage:  # OpenAI Chat
        cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens") or 0
        return usage["prompt_tokens"] - cached, 0, cached, usage.get("completion_tokens", 0)
    if "input_tokens_details" in usage or "output_tokens_details" in usage:  # OpenAI Responses
        cached = (usage.get("input_tokens_details") or {}).get("cached_tokens") or 0
        return usage.get("input_tokens", 0) - cached, 0, cached, usage.get("output_tokens", 0)
    return (
        usage.get("input_tokens", 0),
        usage.get("cache_creation_input_tokens") or 0,
        usage.get("cache_read_input_tokens") or 0,
        usage.get("output_tokens", 0),
    )


def main():
    prices = load_prices(sys.argv[1])
    start = time.perf_counter()
    totals = defaultdict(float)
    calls = 0
    for path in sys.argv[2:]:
        with open(path, "rb") as raw:
            magic = raw.read(2)
        opener = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                model = (record.get("request") or {}).get("model") or record.get("model")
                rates = prices.get(model)
                calls += 1
                if rates is None:
                    continue
                uncached, write, read, output = usage_buckets(record)
                cost = (
                    uncached * rates["input"]
                    + write * rates.get("cache_write_5m", rates["input"])
                    + read * rates.get("cache_read", rates["input"])
                    + output * rates["output"]
                ) / 1e6
                totals[(model, record["ts"][:10])] += cost
    elapsed = time.perf_counter() - start
    print(f"{sum(totals.values()):.6f} {calls}")
    print(f"{elapsed:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
