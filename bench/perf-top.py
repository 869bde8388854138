#!/usr/bin/env python3
"""Summarises CPU samples of the hub taken by Linux perf (bench/journey.sh with TRACE=perf).

    perf script -i WORK/sqlite/journeys.perf.data -F comm,tid,ip,sym,dso > /tmp/j.script
    bench/perf-top.py /tmp/j.script [--top 60] [--under REGEX] [--callers REGEX]

Prints, as a share of all samples: the frames with the most inclusive time (a frame counted once per sample), the
most exclusive time (by shared object for native code), and with --callers the managed frames that lead to a frame
matching REGEX (e.g. libclrjit to see what is still being compiled).
"""
import argparse
import re
from collections import Counter

# "instance void [Assembly] Namespace.Type+<Method>d__1::MoveNext()[OptimizedTier1]" -> "Namespace.Type.Method"
MANAGED = re.compile(r"\[(?P<asm>[^\]]+)\] (?P<name>[^(]+?)::(?P<method>[^(]+)\(")


def simplify(sym, dso):
    m = MANAGED.search(sym)
    if m:
        name = m.group("name")
        method = m.group("method")
        state = re.search(r"\+<(?P<m>[^>]+)>d__\d+$", name)
        if state and method == "MoveNext":
            name, method = name[: state.start()], state.group("m")
        name = re.sub(r"`\d+(\[[^\]]*\])?", "", name)
        return f"{name}.{method}"
    if dso and "perf-" not in dso and dso != "[unknown]":
        return f"<{dso.rsplit('/', 1)[-1]}>"
    return sym or "?"


def samples(path):
    frames = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if frames:
                    yield frames
                frames = []
                continue
            if not line.startswith(("\t", " ")):
                continue  # the sample's header (thread)
            parts = line.strip().split(" ", 1)
            rest = parts[1] if len(parts) > 1 else ""
            dso = rest[rest.rfind("(") + 1 : -1] if rest.endswith(")") else ""
            sym = rest[: rest.rfind("(")].strip() if "(" in rest else rest
            frames.append(simplify(sym, dso))
    if frames:
        yield frames


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--under", default=None, help="only samples with a frame matching this regex")
    parser.add_argument("--callers", default=None, help="managed callers of the innermost frame matching this regex")
    args = parser.parse_args()
    under = re.compile(args.under) if args.under else None
    callers_of = re.compile(args.callers) if args.callers else None
    inclusive, exclusive, callers = Counter(), Counter(), Counter()
    total = 0
    for frames in samples(args.file):  # innermost first
        if under and not any(under.search(f) for f in frames):
            continue
        total += 1
        exclusive[frames[0]] += 1
        for name in set(frames):
            inclusive[name] += 1
        if callers_of:
            for i, name in enumerate(frames):
                if callers_of.search(name):
                    managed = [f for f in frames[i + 1 :] if not f.startswith("<") and "." in f][:4]
                    callers[" <- ".join(managed) or "?"] += 1
                    break
    print(f"{total} samples")
    sections = [("inclusive", inclusive), ("exclusive", exclusive)] + ([("callers", callers)] if callers_of else [])
    for title, counter in sections:
        print(f"\n-- {title} --")
        for name, count in counter.most_common(args.top):
            print(f"{100 * count / total:6.1f} %  {name[:220]}")


if __name__ == "__main__":
    main()
