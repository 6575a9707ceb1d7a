#!/usr/bin/env python3
"""Splits one gzip JSONL log into N gzip files, line i going to file i mod N (as N gateway hosts
would log the same traffic): every part stays in time order and they all overlap in time.
Usage: split_log.py INPUT.jsonl.gz N OUTPUT_DIR
"""
import gzip
import os
import sys


def main():
    source, parts, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(folder, exist_ok=True)
    outputs = [gzip.open(os.path.join(folder, f"part-{index}.jsonl.gz"), "wb", compresslevel=6) for index in range(parts)]
    with gzip.open(source, "rb") as handle:
        for number, line in enumerate(handle):
            outputs[number % parts].write(line)
    for output in outputs:
        output.close()


if __name__ == "__main__":
    main()
