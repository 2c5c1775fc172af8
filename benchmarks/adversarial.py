"""Extraction time on adversarial text as it grows: seconds per size and the log-log slope (1.0 = linear).

    python benchmarks/adversarial.py                       # 1 KB .. 1 MB, every case
    python benchmarks/adversarial.py --max-kb 40 --case digits

Cases (each a unit repeated to the size): repeated `قتل ٥ ` (Arabic-Indic digits), repeated `قتل 5 أشخاص. `,
and repeated casualty sentences with places. The slope is fitted over the sizes from --slope-from KB up.
A size is skipped once one run takes longer than --give-up seconds (the larger ones would take longer still).
"""

from __future__ import annotations

import argparse
import math
import time

CASES = {
    "digits": "قتل ٥ ",
    "persons": "قتل 5 أشخاص. ",
    "places": "قتل 3 مدنيين وأصيب 7 آخرون في غارة على خان يونس. ",
}
SIZES_KB = (1, 2, 5, 10, 20, 40, 100, 200, 500, 1000)


def text_of(unit: str, kb: float) -> str:
    """The unit repeated to about kb kilobytes of UTF-8."""
    n = max(1, int(kb * 1024 / len(unit.encode("utf-8"))))
    return unit * n


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(k) for k, _ in points]
    ys = [math.log(max(s, 1e-6)) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", choices=sorted(CASES), action="append")
    ap.add_argument("--max-kb", type=float, default=1000)
    ap.add_argument("--slope-from", type=float, default=10)
    ap.add_argument("--give-up", type=float, default=30.0)
    args = ap.parse_args()
    from rasd.pipeline import load_for_process
    pipe = load_for_process()
    pipe.extract_text("قتل 5 أشخاص في غزة.")  # warm-up
    for name in args.case or list(CASES):
        points: list[tuple[float, float]] = []
        print(f"case {name}: {CASES[name]!r}")
        for kb in SIZES_KB:
            if kb > args.max_kb:
                break
            text = text_of(CASES[name], kb)
            t0 = time.perf_counter()
            rec = pipe.extract_text(text)
            dt = time.perf_counter() - t0
            points.append((kb, dt))
            print(f"  {kb:>6} KB  {dt:9.3f} s  {len(rec.events):>6} events", flush=True)
            if dt > args.give_up:
                print(f"  (stopped: over {args.give_up} s)")
                break
        fit = [(k, s) for k, s in points if k >= args.slope_from]
        if len(fit) >= 2:
            print(f"  slope {fit[0][0]:g}-{fit[-1][0]:g} KB: {slope(fit):.2f}")
        print(f"  slope over all sizes: {slope(points):.2f}" if len(points) >= 2 else "")


if __name__ == "__main__":
    main()
