#!/usr/bin/env python3
"""Compare a summary.json with an expected one: counts exactly, money within $0.000001.

Usage: compare_summary.py EXPECTED.json ACTUAL.json [--informational]
Prints one line per difference and exits 1 when any value differs.
"""
import json
import sys

INFORMATIONAL = {"inputs.files", "inputs.lines", "inputs.first_start", "inputs.last_start", "version", "price_book.source"}


def walk(expected, actual, path, out):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            out.append(f"{path}: expected an object, got {actual!r}")
            return
        for key in expected:
            child = f"{path}.{key}" if path else key
            if key not in actual:
                out.append(f"{child}: missing")
            else:
                walk(expected[key], actual[key], child, out)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            out.append(f"{path}: expected {len(expected)} elements, got {actual!r}"[:300])
            return
        for index, (e, a) in enumerate(zip(expected, actual)):
            walk(e, a, f"{path}[{index}]", out)
    elif isinstance(expected, float) or isinstance(actual, float):
        if abs(float(expected) - float(actual)) > 0.0000011:
            out.append(f"{path}: expected {expected}, got {actual} (diff {float(actual) - float(expected):+.6f})")
    elif expected != actual and path not in INFORMATIONAL:
        out.append(f"{path}: expected {expected!r}, got {actual!r}")


def main():
    expected = json.load(open(sys.argv[1]))
    actual = json.load(open(sys.argv[2]))
    out = []
    walk(expected, actual, "", out)
    for line in out:
        print(line)
    sys.exit(1 if out else 0)


if __name__ == "__main__":
    main()
