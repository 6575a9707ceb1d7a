#!/usr/bin/env python3
"""Builds the seed corpus of one harness (or all) in Fuzz/corpus/NAME from fixtures/ and the test
inputs. Run by scripts/fuzz.sh when a corpus is missing; libFuzzer then grows the corpus in place."""
import gzip, hashlib, os, re, sys, zlib

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
conformance = os.path.join(root, "Tests/CostReplayKitTests/Conformance")


def read(path):
    with open(os.path.join(root, path), "rb") as handle:
        return handle.read()


def log_lines(limit=300):
    """Short lines of every log fixture (the longest are kept out of the seeds: max_len is 64 KiB)."""
    lines = []
    for path in ["fixtures/logs/edge-cases.jsonl", "Tests/CostReplayKitTests/Conformance/set-p/logs/b-gateway.jsonl",
                 "Tests/CostReplayKitTests/Conformance/set-p/logs/c-gateway.ndjson"]:
        lines += [l for l in read(path).split(b"\n") if l][:limit]
    with gzip.open(os.path.join(root, "fixtures/logs/gateway-2026-10.jsonl.gz")) as handle:
        for _, line in zip(range(limit), handle):
            lines.append(line.rstrip(b"\n"))
    return [l for l in lines if len(l) < 60000]


def swift_strings(path, pattern):
    """String literals of a test file that match `pattern`."""
    text = read(path).decode()
    return [s.encode() for s in re.findall(r'"((?:[^"\\]|\\.)*)"', text) if re.search(pattern, s)]


def seeds(name):
    lines = log_lines()
    if name == "json":
        return lines[:400] + [b"[]", b"{}", b'"\\ud800"', b"1e400", b"-0.0", b'{"a":[1,{"b":null}]}']
    if name == "envelope":
        # Single lines, and small batches of lines (format detection looks at the first object), and
        # whole small files of every other log format (fixtures/formats).
        formats = []
        for folder, _, files in sorted(os.walk(os.path.join(root, "fixtures/formats"))):
            for file in sorted(files):
                if file.endswith((".jsonl", ".json")):
                    with open(os.path.join(folder, file), "rb") as handle:
                        data = handle.read()
                    formats.append(data[:60000])
                    formats += [l for l in data.split(b"\n") if l and len(l) < 60000][:40]
        return lines[:300] + [b"\n".join(lines[i:i + 5]) for i in range(0, 200, 5)] + formats
    if name == "gzip":
        out = []
        for i in range(0, 60, 3):
            chunk = b"\n".join(lines[i:i + 3]) + b"\n"
            member = gzip.compress(chunk)
            out += [member, member + gzip.compress(b"more\n"), member[: len(member) // 2], member[:-4],
                    gzip.compress(b"") * 3 + member, chunk]
        out.append(zlib.compress(b"zlib, not gzip\n"))
        return out
    if name == "timestamp":
        found = swift_strings("Tests/CostReplayKitTests/Model/TimestampParserTests.swift", r"^[0-9+\-. :TtZz,]+$")
        return found + [b"2026-10-01T12:00:00.123456789+02:00", b"1790845320", b"1790845380500.25", b"2026-10",
                        b"15m", b"1h", b"30d", b"2026-02-29 24:00"]
    if name == "prices":
        out = [read("fixtures/prices/embedded.toml"), read("Tests/CostReplayKitTests/Conformance/prices.toml")]
        out += swift_strings("Tests/CostReplayKitTests/Pricing/PriceBookLoaderTests.swift", r"(\[\[model\]\]|as_of|input_cost)")
        out.append(b'{"gpt-x":{"input_cost_per_token":1e-06,"output_cost_per_token":2e-06,'
                   b'"input_cost_per_token_above_200k_tokens":2e-06,"litellm_provider":"openai"}}')
        return [s[:60000] for s in out]
    if name == "policy":
        out = [read("fixtures/policies/all-policies.toml")]
        for file in sorted(os.listdir(os.path.join(conformance, "policies"))):
            out.append(read(os.path.join("Tests/CostReplayKitTests/Conformance/policies", file)))
        default = read("Sources/CostReplayKit/Policies/DefaultPolicyFile.swift").decode()
        out.append(default.split('#"""', 1)[1].split('"""#', 1)[0].encode())
        out += swift_strings("Tests/CostReplayKitTests/Policies/PolicyFileLoaderTests.swift", r"(\[|=)")
        return out
    if name == "attribution":
        return [read("fixtures/attribution.csv"), b"user,team\nana,search\n", b"api_key,cost_center\nk,\"a,b\"\n"]
    raise SystemExit(f"make-seeds.py: unknown harness {name}")


def main():
    names = sys.argv[1:] or ["json", "envelope", "gzip", "timestamp", "prices", "policy", "attribution"]
    for name in names:
        folder = os.path.join(root, "Fuzz/corpus", name)
        os.makedirs(folder, exist_ok=True)
        items = seeds(name)
        for item in items:
            with open(os.path.join(folder, hashlib.sha1(item).hexdigest()), "wb") as handle:
                handle.write(item)
        print(f"{name}: {len(items)} seeds in Fuzz/corpus/{name}")


main()
