#!/usr/bin/env python3
"""Summarises a speedscope file written by dotnet-trace (bench/journey.sh with TRACE=1).

dotnet-trace's thread-time profile samples every managed thread, running or not. Stacks whose innermost frames are
a wait (a blocked thread-pool worker, a socket poll, a timer thread) are left out, so what remains is an estimate
of where the CPU went. Prints the frames with the most inclusive and the most exclusive time, as a share of the
running time, optionally only for stacks through a frame that matches --under.

    bench/trace-top.py WORK/sqlite/step.speedscope.json [--top 40] [--under Razor] [--match Hub.]
"""
import argparse
import json
import re
from collections import Counter

WAITING = re.compile(
    r"(WaitHandle|WaitOne|WaitForSingleObject|LowLevelLifoSemaphore|LowLevelMonitor|Monitor\.Wait|"
    r"SemaphoreSlim\.Wait|ManualResetEventSlim\.Wait|Thread\.Sleep|SleepEx|epoll_wait|WaitForSocketEvents|"
    r"PortableThreadPool\.GateThread|TimerQueue\.TimerThread|WaitSubsystem|"
    r"ThreadPoolWorkQueue\.Dispatch\b.*Semaphore|UNMANAGED_CODE_TIME|CPU_TIME_WAIT|Thread\.Join|"
    r"SocketAsyncEngine\.EventLoop|Interop\+Sys\.WaitForSocketEvents|ReadFile|Console|Interop\+Sys\.Read\b)")


def stacks(doc):
    """Yields (frames innermost last, weight) for every sample of every profile."""
    names = [f["name"] for f in doc["shared"]["frames"]]
    for profile in doc["profiles"]:
        if profile["type"] == "sampled":
            for sample, weight in zip(profile["samples"], profile["weights"]):
                yield [names[i] for i in sample], weight
        else:  # evented: open/close events; time between events belongs to the open stack
            stack, last = [], None
            for event in profile["events"]:
                at = event["at"]
                if last is not None and stack and at > last:
                    yield [names[i] for i in stack], at - last
                if event["type"] == "O":
                    stack.append(event["frame"])
                elif stack:
                    stack.pop()
                last = at


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--under", default=None, help="only stacks through a frame matching this regex")
    parser.add_argument("--match", default=None, help="only list frames matching this regex")
    parser.add_argument("--callers", default=None, help="also list the callers (up to 6 frames up) of frames matching this regex")
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as f:
        doc = json.load(f)
    under = re.compile(args.under) if args.under else None
    match = re.compile(args.match) if args.match else None
    callers_of = re.compile(args.callers) if args.callers else None
    inclusive, exclusive, callers = Counter(), Counter(), Counter()
    total = waiting = 0.0
    for frames, weight in stacks(doc):
        # TraceEvent ends each stack with what the thread did: CPU_TIME (managed code running), UNMANAGED_CODE_TIME
        # (native code: SQLite's engine, a system call, or a wait) or BLOCKED_TIME.
        marker = frames[-1] if frames and frames[-1].isupper() else ""
        frames = frames[:-1] if marker else frames
        if not frames or "BLOCKED" in marker:
            waiting += weight
            continue
        if any(WAITING.search(name) for name in frames[-3:]):
            waiting += weight
            continue
        if under and not any(under.search(name) for name in frames):
            continue
        total += weight
        exclusive[frames[-1] + (" [native]" if marker == "UNMANAGED_CODE_TIME" else "")] += weight
        for name in set(frames[5:]):
            inclusive[name] += weight
        if callers_of:
            for i, name in enumerate(frames):
                if callers_of.search(name):
                    callers[" <- ".join(f.split("!")[-1][:70] for f in reversed(frames[max(0, i - 6):i + 1]))] += weight
                    break
    if total == 0:
        print("no running samples")
        return
    print(f"running {total:.0f} (waiting, left out: {waiting:.0f}); units of the file ({doc['profiles'][0].get('unit', '?')})")
    for title, counter in (("inclusive", inclusive), ("exclusive", exclusive), ("callers", callers)):
        print(f"\n-- {title} --")
        shown = 0
        for name, weight in counter.most_common():
            if match and not match.search(name):
                continue
            print(f"{100 * weight / total:6.1f} %  {name[:160]}")
            shown += 1
            if shown >= args.top:
                break


if __name__ == "__main__":
    main()
