#!/usr/bin/env python3
"""In-process zlib inflate throughput of a gzip file (all members), in uncompressed MB/s.

The baseline of scripts/benchmark.sh: the same C zlib costreplay links, driven in one process.
Prints: <uncompressed bytes> <seconds>
"""
import sys
import time
import zlib


def inflate(path):
    total = 0
    with open(path, "rb") as handle:
        data = handle.read()
    start = time.perf_counter()
    view = memoryview(data)
    position = 0
    while position < len(view):
        decoder = zlib.decompressobj(31)
        chunk_start = position
        while not decoder.eof and position < len(view):
            piece = view[position:position + (1 << 20)]
            out = decoder.decompress(piece, 1 << 22)
            total += len(out)
            while decoder.unconsumed_tail:
                out = decoder.decompress(decoder.unconsumed_tail, 1 << 22)
                total += len(out)
            position += len(piece) - len(decoder.unused_data)
        if position == chunk_start:
            break
    return total, time.perf_counter() - start


if __name__ == "__main__":
    size, seconds = inflate(sys.argv[1])
    print(size, f"{seconds:.4f}")
