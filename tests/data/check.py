#!/usr/bin/env python3
"""Validates the labelled selection sets in tests/data/*.jsonl.

Checks every line is a JSON object with the documented fields, that claim and
entity ids exist in data/claims.json, that category, verdict, claim and
attributed_to agree with each other, that the surface categories really have
their surface form (fragments have 4+ words, ALL CAPS is all caps, Italian
verbatim/fragment/cut text is copied from the report), that every claim is
covered several times per set, the minimum shares of no_match, misattributed
and contradicted lines, and that no selection appears in two sets.

Usage: python3 tests/data/check.py [FILE.jsonl ...]
(defaults to every set in SETS). Duplicates are always checked against every
set in SETS, even the ones not named on the command line. Exits 1 on error.
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "data" / "claims.json"
REPORT = ROOT / "data" / "source" / "vertice-parigi-2026-01-06.it.txt"

FIELDS = {"text", "lang", "category", "verdict", "claim", "attributed_to", "note"}
REQUIRED = FIELDS - {"note"}
VERDICT_OF = {
    "verbatim": "supported",
    "fragment": "supported",
    "cut": "supported",
    "caps": "supported",
    "typography": "supported",
    "multi": "supported",
    "paraphrase": "supported",
    "misattribution": "misattributed",
    "negation": "contradicted",
    "opposite": "contradicted",
    "hard_negative": "no_match",
    "unrelated": "no_match",
    "short": "no_match",
    "garbage": "no_match",
}
MIN_PER_CLAIM = 4
MIN_NO_MATCH_SHARE = 0.30
MIN_MISATTRIBUTED = 25
MIN_CONTRADICTED = 25
SETS = (
    "dev.jsonl",
    "test.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "test2.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "dev9.jsonl",
    "test3.jsonl",
    "dev10.jsonl",
    "dev11.jsonl",
    "dev12.jsonl",
)
# Focused sets hold only some categories, so they need not have every
# category nor the no_match share; the other minimums still apply.
FOCUSED = {
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev9.jsonl",
    "dev11.jsonl",
    "dev12.jsonl",
}
# Focused sets without misattribution or contradiction lines at all, so the
# misattributed and contradicted minimums don't apply to them either.
NO_CONTRA_MINIMUMS = {"dev3.jsonl"}
# Focused sets with contradictions but no misattribution lines, so only the
# misattributed minimum is waived for them.
NO_MISATTRIBUTED_MINIMUM = {"dev11.jsonl"}


def words(text):
    return re.findall(r"\w+", text)


def fold(text):
    """Lowercase, accents off, punctuation to spaces: for duplicate detection."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text))


def check_file(path, claims, entities, report):
    errors = []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON: {e}")
            continue
        if not isinstance(row, dict):
            errors.append(f"{where}: not an object")
            continue
        missing = REQUIRED - row.keys()
        extra = row.keys() - FIELDS
        if missing or extra:
            errors.append(f"{where}: missing {sorted(missing)} extra {sorted(extra)}")
            continue
        rows.append((where, row))
        text, cat, verdict = row["text"], row["category"], row["verdict"]
        claim, attr = row["claim"], row["attributed_to"]
        if not isinstance(text, str):
            errors.append(f"{where}: text is not a string")
            continue
        if row["lang"] not in ("it", "en"):
            errors.append(f"{where}: lang {row['lang']!r}")
        if cat not in VERDICT_OF:
            errors.append(f"{where}: unknown category {cat!r}")
            continue
        if verdict != VERDICT_OF[cat]:
            errors.append(f"{where}: category {cat} needs verdict {VERDICT_OF[cat]}, got {verdict}")
        if verdict == "no_match":
            if claim is not None or attr is not None:
                errors.append(f"{where}: no_match with a claim or attributed_to")
            continue
        if claim not in claims:
            errors.append(f"{where}: unknown claim {claim!r}")
            continue
        c = claims[claim]
        if verdict == "misattributed":
            if attr not in entities:
                errors.append(f"{where}: unknown attributed_to {attr!r}")
                continue
            speaker = entities[c["speaker"]]
            fine = {c["speaker"], *speaker.get("members", []), *c.get("mentions", [])}
            if attr in fine:
                errors.append(f"{where}: {attr} is the speaker, a member or a mention of {claim}")
        elif attr is not None:
            errors.append(f"{where}: attributed_to is only for misattributed lines")
        if cat == "fragment" and len(words(text)) < 4:
            errors.append(f"{where}: fragment shorter than 4 words")
        if cat == "caps" and text != text.upper():
            errors.append(f"{where}: caps text has lowercase letters")
        if row["lang"] == "it" and cat in ("verbatim", "fragment", "cut"):
            start = report.find(text)
            if start < 0:
                errors.append(f"{where}: {cat} text is not copied from the report")
            elif cat == "cut":
                before = report[start - 1] if start > 0 else " "
                after = report[start + len(text)] if start + len(text) < len(report) else " "
                if not (before.isalnum() or after.isalnum()):
                    errors.append(f"{where}: cut text starts and ends on word boundaries")
    for where, row in rows:
        if row["category"] == "short" and len(words(row["text"])) > 3:
            errors.append(f"{where}: short text longer than 3 words")
    return rows, errors


def summary(name, rows, claims):
    total = len(rows)
    verdicts = Counter(r["verdict"] for _, r in rows)
    cats = Counter((r["category"], r["lang"]) for _, r in rows)
    print(f"{name}: {total} lines")
    for v in ("supported", "misattributed", "contradicted", "no_match"):
        print(f"  {v:14} {verdicts[v]:4}  ({verdicts[v] / max(total, 1):.0%})")
    print(f"  {'category':15} {'it':>4} {'en':>4}")
    for cat in VERDICT_OF:
        print(f"  {cat:15} {cats[(cat, 'it')]:4} {cats[(cat, 'en')]:4}")
    errors = []
    focused = name in FOCUSED
    if not focused and verdicts["no_match"] < MIN_NO_MATCH_SHARE * total:
        errors.append(f"{name}: no_match below {MIN_NO_MATCH_SHARE:.0%}")
    contra = name not in NO_CONTRA_MINIMUMS
    misattributed = contra and name not in NO_MISATTRIBUTED_MINIMUM
    if misattributed and verdicts["misattributed"] < MIN_MISATTRIBUTED:
        errors.append(f"{name}: fewer than {MIN_MISATTRIBUTED} misattributed")
    if contra and verdicts["contradicted"] < MIN_CONTRADICTED:
        errors.append(f"{name}: fewer than {MIN_CONTRADICTED} contradicted")
    per_claim = Counter(r["claim"] for _, r in rows if r["claim"])
    for cid in claims:
        if per_claim[cid] < MIN_PER_CLAIM:
            errors.append(f"{name}: claim {cid} appears {per_claim[cid]} times (< {MIN_PER_CLAIM})")
    for cat in VERDICT_OF:
        if focused and not (cats[(cat, "it")] or cats[(cat, "en")]):
            continue
        for lang in ("it", "en"):
            if cats[(cat, lang)] == 0:
                errors.append(f"{name}: no {lang} line in category {cat}")
    return errors


def main(argv):
    bundle = json.loads(CLAIMS.read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in bundle["claims"]}
    entities = {e["id"]: e for e in bundle["entities"]}
    report = REPORT.read_text(encoding="utf-8")
    here = Path(__file__).resolve().parent
    paths = [Path(a) for a in argv] or [here / name for name in SETS]
    errors = []
    # Folded selections of every known set, so a set checked alone is still
    # compared with the others.
    others = {}
    for name in SETS:
        other = here / name
        if other.exists() and other.resolve() not in {p.resolve() for p in paths}:
            for line in other.read_text(encoding="utf-8").splitlines():
                try:
                    text = json.loads(line).get("text")
                except (json.JSONDecodeError, AttributeError):
                    continue
                if isinstance(text, str) and fold(text):
                    others.setdefault(fold(text), name)
    seen = dict(others)
    for path in paths:
        rows, errs = check_file(path, claims, entities, report)
        errors += errs
        errors += summary(path.name, rows, claims)
        # Within a set, typography variants of a verbatim line are wanted, so
        # only exact repeats count; across sets even a folded repeat is a copy.
        local, folded = set(), set()
        for where, row in rows:
            if row["text"] in local:
                errors.append(f"{where}: duplicate selection within the set")
            local.add(row["text"])
            key = fold(row["text"]) if isinstance(row["text"], str) else ""
            if key and key in seen and seen[key] != path.name:
                errors.append(f"{where}: same selection (folded) also in {seen[key]}")
            folded.add(key)
        for key in folded:
            seen.setdefault(key, path.name)
    for e in errors:
        print("error:", e, file=sys.stderr)
    print("ok" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
