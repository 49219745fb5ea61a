#!/usr/bin/env python3
"""First complete frame of the release binary at 10,000 actions, measured from outside as a
user sees it: tmux starts the binary in a new 120x40 window and `tmux capture-pane` is polled
until the actions table is drawn (its title says "N shown"). Repeated, median reported with the
load average (a busy machine slows everything). The plan is the one `benches/common/mod.rs`
generates (same shape, ported here so the script needs no build of the benches).

Usage: cargo build --release && python3 benches/first_frame_tmux.py [RUNS] [ACTIONS] [--less]
With --less, `less` is timed on the same file the same way (until its first line shows): the
floor of this way of measuring on the machine as loaded at the time.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

BINARY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "boardplan")
SESSION = f"firstframe{os.getpid()}"


def plan_text(actions):
    """benches/common/mod.rs `plan_text`, line for line."""
    out = ("board: Generated Safeguarding Children Board\nperiod: 2013-14\ntitle: Business Plan 2013-2014\n"
           "vision: Our vision is to safeguard and protect all the children\nversion: '1.2'\ndate: 2013-08-20\n"
           "owners:\n  QEG: Quality & Effectiveness Group\n  SLDG: Strategic Learning and Development Group\nthemes:\n")
    rags = ["red", "amber", "green", "blue"]
    for n in range(actions):
        theme, action = n // 10 + 1, n % 10 + 1
        if action == 1:
            out += (f"- ref: '{theme}'\n  title: Ensure that early help and preventative measures are "
                    f"effective ({theme})\n  actions:\n")
        out += (f"  - ref: '{theme}.{action}'\n    action: Review and publish a threshold document that "
                f"includes early help (item {n})\n")
        out += f"    owners:\n    - QEG\n    - PSCB Business Unit\n    due: 2013-{n % 12 + 1:02}-{n % 28 + 1:02}\n"
        if n % 3 == 0:
            out += ("    progress: |-\n      Threshold document completed and published on the website.\n"
                    f"      Launch events held with partner agencies; feedback positive ({n}).\n")
        else:
            out += ("    progress: Dataset now in place and includes measures on Early Intervention for the "
                    f"board to monitor ({n})\n")
        out += f"    rag: {rags[n % 4]}\n"
        if n % 5 == 0:
            out += "    milestones:\n    - milestone: Consult partner agencies\n      due: 2013-06\n      rag: green\n"
    return out


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def drawn(screen, less):
    """The first complete frame: the actions table (or, for less, the file's first line)."""
    if less:
        return screen.startswith("board: Generated")
    return " shown " in screen and "Themes" in screen


def one_run(plan, data, run, less=False):
    window = f"{SESSION}:r{run}"
    command = f"exec less {plan}" if less else f"XDG_DATA_HOME={data} exec {BINARY} {plan}"
    started = time.monotonic()
    tmux("new-window", "-d", "-t", SESSION, "-n", f"r{run}", command)
    while True:
        screen = tmux("capture-pane", "-p", "-t", window)
        if drawn(screen, less):
            elapsed = time.monotonic() - started
            break
        if time.monotonic() - started > 20:
            raise SystemExit("no first frame after 20 s:\n" + screen)
        time.sleep(0.005)  # leave the cores to the app between polls
    # Quit as a user does and wait for the process to end, so no run overlaps the next.
    tmux("send-keys", "-t", window, "q")
    deadline = time.monotonic() + 10
    while f"r{run}" in tmux("list-windows", "-t", SESSION, "-F", "#W").split():
        if time.monotonic() > deadline:
            tmux("kill-window", "-t", window)
            break
        time.sleep(0.02)
    return elapsed


def main():
    less = "--less" in sys.argv
    numbers = [a for a in sys.argv[1:] if a != "--less"]
    runs = int(numbers[0]) if numbers else 10
    actions = int(numbers[1]) if len(numbers) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        plan = os.path.join(folder, "2013-14.yaml")
        with open(plan, "w") as f:
            f.write(plan_text(actions))
        data = os.path.join(folder, "data")
        tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40")
        try:
            one_run(plan, data, 0, less)  # warm the page cache
            times = [one_run(plan, data, run, less) for run in range(1, runs + 1)]
        finally:
            tmux("kill-session", "-t", SESSION)
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
    what = "less" if less else "boardplan"
    print(f"{what}: {actions} actions, {len(plan_text(actions))} bytes of YAML, {runs} runs, 120x40")
    print("each (ms): " + " ".join(f"{t * 1000:.0f}" for t in times))
    print(f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms; "
          f"load average {' '.join(load)} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
