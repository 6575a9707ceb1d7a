#!/usr/bin/env python3
"""Validate a costreplay price book (SPEC §5.1) written in TOML.

Usage:
    python3 scripts/check_price_book.py [BOOK.toml] [--against OTHER.toml] [--swift FILE.swift]

BOOK defaults to fixtures/prices/embedded.toml (relative to the repository root).

Checks (each failure is printed; the exit status is 1 if there is any):
  * the file parses with tomllib; top level has only `as_of` (YYYY-MM-DD) and `model`;
  * every [[model]] has a non-empty string `id`, `provider` in {anthropic, openai}, numeric
    `input` and `output`; only the keys SPEC §5.1 names; every rate and multiplier is a number
    (int or float, not bool), finite and not negative; multipliers are > 0;
  * rates are written as plain decimals in the text (no exponent, no inf/nan, no `_` separators);
  * ids are unique, except entries of one id that differ in `effective_from` (YYYY-MM-DD);
  * aliases are strings, unique case-insensitively across entries, and never equal (ignoring case)
    to another entry's id; an alias may repeat only across the price-history entries of one id;
  * each [[model.tier]] has an integer `above_input_tokens` > 0, unique within its entry, gives
    every rate its model gives, and no rate its model lacks;
  * with --against OTHER: every id present in both books has the same history (effective_from
    dates) and the same rates, multipliers and tiers (compared as exact decimals);
  * with --swift FILE: the raw string literal in FILE (`#\"\"\"` ... `\"\"\"#`) equals BOOK's text.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

RATE_KEYS = ("input", "output", "cache_write_5m", "cache_write_1h", "cache_read")
MULTIPLIER_KEYS = ("batch_multiplier", "flex_multiplier", "priority_multiplier")
MODEL_KEYS = {
    "id", "provider", "aliases", "effective_from", "min_cacheable_tokens", "tier",
    *RATE_KEYS, *MULTIPLIER_KEYS,
}
TIER_KEYS = {"above_input_tokens", *RATE_KEYS}
PROVIDERS = {"anthropic", "openai"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a `key = value` line whose key is a rate, multiplier or token count
NUMERIC_LINE_RE = re.compile(
    r"^\s*(" + "|".join(RATE_KEYS + MULTIPLIER_KEYS + ("min_cacheable_tokens", "above_input_tokens"))
    + r")\s*=\s*([^#\s]+)"
)
PLAIN_DECIMAL_RE = re.compile(r"^\d+(\.\d+)?$")


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def as_decimal(value: int | float) -> Decimal:
    # tomllib gives floats; repr() is the shortest string that round-trips, i.e. what was written
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # ---------------------------------------------------------------------------------- text
    def check_text(self, text: str, name: str) -> None:
        for lineno, line in enumerate(text.splitlines(), 1):
            match = NUMERIC_LINE_RE.match(line)
            if match and not PLAIN_DECIMAL_RE.match(match.group(2)):
                self.fail(f"{name}:{lineno}", f"`{match.group(1)}` is not a plain decimal: {match.group(2)!r}")

    # ---------------------------------------------------------------------------------- data
    def check_rate(self, where: str, key: str, value: object) -> None:
        if not is_number(value):
            self.fail(where, f"`{key}` must be a number, got {type(value).__name__} {value!r}")
        elif isinstance(value, float) and not math.isfinite(value):
            self.fail(where, f"`{key}` is not finite: {value!r}")
        elif value < 0:
            self.fail(where, f"`{key}` is negative: {value!r}")

    def check_book(self, book: dict) -> None:
        for key in book:
            if key not in ("as_of", "model"):
                self.fail("top level", f"unknown key `{key}`")
        as_of = book.get("as_of")
        if not isinstance(as_of, str) or not DATE_RE.match(as_of):
            self.fail("top level", f"`as_of` must be a YYYY-MM-DD string, got {as_of!r}")
        models = book.get("model")
        if not isinstance(models, list) or not models:
            self.fail("top level", "no [[model]] entries")
            return

        seen_versions: dict[tuple[str, str | None], int] = {}
        id_owner: dict[str, str] = {}  # lower-cased id -> id
        alias_owner: dict[str, str] = {}  # lower-cased alias -> id that carries it
        for index, model in enumerate(models):
            where = f"model #{index + 1}"
            if not isinstance(model, dict):
                self.fail(where, "not a table")
                continue
            model_id = model.get("id")
            if not isinstance(model_id, str) or not model_id.strip():
                self.fail(where, f"`id` must be a non-empty string, got {model_id!r}")
                continue
            where = f"model #{index + 1} ({model_id})"
            for key in model:
                if key not in MODEL_KEYS:
                    self.fail(where, f"unknown key `{key}`")
            if model.get("provider") not in PROVIDERS:
                self.fail(where, f"`provider` must be one of {sorted(PROVIDERS)}, got {model.get('provider')!r}")
            effective = model.get("effective_from")
            if effective is not None and (not isinstance(effective, str) or not DATE_RE.match(effective)):
                self.fail(where, f"`effective_from` must be a YYYY-MM-DD string, got {effective!r}")
            version = (model_id, effective)
            if version in seen_versions:
                self.fail(where, f"duplicate id with the same effective_from ({effective!r}) as model #{seen_versions[version]}")
            seen_versions[version] = index + 1
            previous = id_owner.setdefault(model_id.lower(), model_id)
            if previous != model_id:
                self.fail(where, f"id differs only in case from `{previous}`")

            for key in ("input", "output"):
                if key not in model:
                    self.fail(where, f"missing `{key}`")
            for key in RATE_KEYS:
                if key in model:
                    self.check_rate(where, key, model[key])
            for key in MULTIPLIER_KEYS:
                if key in model:
                    self.check_rate(where, key, model[key])
                    if is_number(model[key]) and model[key] == 0:
                        self.fail(where, f"`{key}` is 0")
            if "min_cacheable_tokens" in model:
                value = model["min_cacheable_tokens"]
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    self.fail(where, f"`min_cacheable_tokens` must be a non-negative integer, got {value!r}")

            aliases = model.get("aliases", [])
            if not isinstance(aliases, list):
                self.fail(where, "`aliases` must be an array of strings")
                aliases = []
            local: set[str] = set()
            for alias in aliases:
                if not isinstance(alias, str) or not alias.strip():
                    self.fail(where, f"alias {alias!r} is not a non-empty string")
                    continue
                folded = alias.lower()
                if folded in local:
                    self.fail(where, f"alias `{alias}` listed twice")
                local.add(folded)
                if folded == model_id.lower():
                    self.fail(where, f"alias `{alias}` repeats the entry's own id")
                owner = alias_owner.setdefault(folded, model_id)
                if owner != model_id:
                    self.fail(where, f"alias `{alias}` (case-insensitive) is also an alias of `{owner}`")

            tiers = model.get("tier", [])
            if not isinstance(tiers, list):
                self.fail(where, "`tier` must be an array of tables ([[model.tier]])")
                tiers = []
            model_rates = {key for key in RATE_KEYS if key in model}
            thresholds: set[int] = set()
            for tier_index, tier in enumerate(tiers):
                tier_where = f"{where} tier #{tier_index + 1}"
                if not isinstance(tier, dict):
                    self.fail(tier_where, "not a table")
                    continue
                for key in tier:
                    if key not in TIER_KEYS:
                        self.fail(tier_where, f"unknown key `{key}`")
                above = tier.get("above_input_tokens")
                if not isinstance(above, int) or isinstance(above, bool) or above <= 0:
                    self.fail(tier_where, f"`above_input_tokens` must be a positive integer, got {above!r}")
                elif above in thresholds:
                    self.fail(tier_where, f"two tiers start above {above}")
                else:
                    thresholds.add(above)
                for key in RATE_KEYS:
                    if key in tier:
                        self.check_rate(tier_where, key, tier[key])
                missing = sorted(model_rates - tier.keys())
                if missing:
                    self.fail(tier_where, f"missing rates its model gives: {', '.join(missing)}")
                extra = sorted(key for key in RATE_KEYS if key in tier and key not in model_rates)
                if extra:
                    self.fail(tier_where, f"gives rates its model does not: {', '.join(extra)}")

        # an alias must not name another entry's id
        for folded, owner in alias_owner.items():
            if folded in id_owner and id_owner[folded] != owner:
                self.fail(f"alias `{folded}` of `{owner}`", f"equals the id of another entry `{id_owner[folded]}`")

    # ------------------------------------------------------------------------------ --against
    @staticmethod
    def signature(model: dict) -> dict:
        sig = {key: as_decimal(model[key]) for key in RATE_KEYS + MULTIPLIER_KEYS if is_number(model.get(key))}
        sig["tiers"] = sorted(
            (tier.get("above_input_tokens"),
             tuple((key, as_decimal(tier[key])) for key in RATE_KEYS if is_number(tier.get(key))))
            for tier in model.get("tier", []) if isinstance(tier, dict)
        )
        return sig

    def check_against(self, book: dict, other: dict, other_name: str) -> None:
        def history(models: list) -> dict[str, dict]:
            out: dict[str, dict] = {}
            for model in models:
                if isinstance(model, dict) and isinstance(model.get("id"), str):
                    out.setdefault(model["id"], {})[model.get("effective_from")] = self.signature(model)
            return out

        mine = history(book.get("model", []))
        theirs = history(other.get("model", []))
        shared = sorted(set(mine) & set(theirs))
        for model_id in shared:
            if mine[model_id].keys() != theirs[model_id].keys():
                self.fail(f"{model_id}", f"effective_from dates differ from {other_name}: "
                          f"{sorted(map(str, mine[model_id]))} vs {sorted(map(str, theirs[model_id]))}")
                continue
            for effective, sig in mine[model_id].items():
                if sig != theirs[model_id][effective]:
                    self.fail(f"{model_id} (effective_from {effective})",
                              f"rates differ from {other_name}: {sig} vs {theirs[model_id][effective]}")
        only_theirs = sorted(set(theirs) - set(mine))
        if only_theirs:
            self.fail(other_name, f"ids missing from the book: {', '.join(only_theirs)}")
        print(f"compared {len(shared)} shared ids with {other_name}")

    # -------------------------------------------------------------------------------- --swift
    def check_swift(self, text: str, swift_path: Path) -> None:
        source = swift_path.read_text(encoding="utf-8")
        match = re.search(r'#"""\n(.*?)\n"""#', source, re.S)
        if not match:
            self.fail(str(swift_path), 'no #"""...\"""# raw string literal found')
            return
        if "\\#(" in match.group(1):
            self.fail(str(swift_path), "the raw string contains an interpolation `\\#(`")
        if match.group(1) != text:
            self.fail(str(swift_path), "embedded TOML text differs from the book file")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book", nargs="?", default=str(root / "fixtures/prices/embedded.toml"))
    parser.add_argument("--against", action="append", default=[], metavar="OTHER.toml",
                        help="another book whose shared ids must carry identical rates")
    parser.add_argument("--swift", metavar="FILE.swift",
                        help="Swift source whose #\"\"\"...\"\"\"# literal must equal the book text")
    args = parser.parse_args()

    checker = Checker()
    path = Path(args.book)
    text = path.read_text(encoding="utf-8")
    try:
        book = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        print(f"{path}: TOML parse error: {error}")
        return 1
    checker.check_text(text, path.name)
    checker.check_book(book)
    for other_path in args.against:
        with open(other_path, "rb") as handle:
            checker.check_against(book, tomllib.load(handle), other_path)
    if args.swift:
        checker.check_swift(text, Path(args.swift))

    models = [m for m in book.get("model", []) if isinstance(m, dict)]
    ids = {m.get("id") for m in models}
    if checker.problems:
        for problem in checker.problems:
            print(f"PROBLEM {problem}")
        print(f"{path}: {len(checker.problems)} problem(s)")
        return 1
    print(f"{path}: OK — {len(ids)} models, {len(models)} entries, as_of {book.get('as_of')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
