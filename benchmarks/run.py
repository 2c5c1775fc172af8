"""The rasd performance benchmark: writes a JSON report (see benchmarks/README.md).

    python benchmarks/run.py                    # the full run: 5,000 articles of ~4 KB
    python benchmarks/run.py --n 1000 --skip-spark --out /tmp/report.json   # a quicker one

Measures, on a corpus made by generate_corpus.py (seeded, so the same every time):
  - one process: resource load time, RSS with resources loaded and peak RSS, extraction throughput
    (decode + the whole pipeline) in articles/s and MB/s, and the floor (decode + normalize + segment and
    tokenize only); floor and pipeline passes alternate (--rounds, default 3) and the medians are reported,
    the ratio as the median of the per-round ratios;
  - the same on real text, where ../shared/dev exists: its reports' paragraphs tiled into articles of ~--kb
    (read in place, never copied into the repository; only figures enter the report);
  - time per article as its length grows from 1 KB to 64 KB, and the log-log slope (1.0 = linear);
  - `rasd batch` on the local engine with 1 and 2 workers and on Spark local[1] and local[2]: wall time,
    speedups, and whether all four wrote byte-identical output;
  - optionally (--profile) a pyinstrument profile of the single-process run.
Each single-process measurement runs in a fresh child process, so RSS and load time are those of a process
that has loaded nothing else.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED_DEV = HERE.parent.parent / "shared" / "dev"
sys.path.insert(0, str(HERE))

from generate_corpus import generate, make_article  # noqa: E402

TARGETS = {"articles_per_s_per_core": 200.0, "pipeline_over_floor": 5.0, "peak_rss_mb": 400.0,
           "speedup_1_to_2_workers": 1.7, "loglog_slope_max": 1.15}
LENGTHS_KB = (1, 2, 4, 8, 16, 32, 64)


def _rss_mb(field: str = "VmHWM") -> float:
    """Peak (VmHWM) or current (VmRSS) resident set of this process in MB. /proc, not getrusage: ru_maxrss
    carries the parent's peak over fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KB


def _load_corpus(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def real_corpus(dev: Path, n: int, kb: float) -> list[dict[str, Any]]:
    """`n` articles of about `kb` KB tiled from the paragraphs of the real reports in `dev`, taken in order and
    cycled: real wording at the synthetic corpus's article size."""
    paragraphs = [para.strip() for path in sorted(dev.glob("*.txt"))
                  for para in path.read_text(encoding="utf-8").splitlines() if para.strip()]
    if not paragraphs:
        return []
    articles: list[dict[str, Any]] = []
    current: list[str] = []
    size = 0
    i = 0
    while len(articles) < n:
        para = paragraphs[i % len(paragraphs)]
        i += 1
        current.append(para)
        size += len(para.encode("utf-8")) + 1
        if size >= kb * 1024:
            articles.append({"id": f"real-{len(articles)}", "text": "\n".join(current), "source": "dev",
                             "published": None})
            current, size = [], 0
    return articles


# ---- child: one process --------------------------------------------------------------------------------

def child_single(corpus: Path, profile: Path | None, rounds: int) -> dict[str, Any]:
    rss_start = _rss_mb("VmRSS")
    t0 = time.perf_counter()
    from rasd.pipeline import load_for_process
    from rasd.text.decode import decode_bytes
    from rasd.text.normalize import normalize
    from rasd.text.segment import segment

    t_import = time.perf_counter() - t0
    t1 = time.perf_counter()
    pipe = load_for_process()
    load_s = time.perf_counter() - t1
    rss_loaded = _rss_mb("VmRSS")
    rows = _load_corpus(corpus)
    payloads = [(r["text"].encode("utf-8"), r) for r in rows]
    nbytes = sum(len(b) for b, _ in payloads)

    # floor and pipeline passes alternate, `rounds` times: a pass and the one next to it share the machine's
    # state, so the ratio of each pair is robust to a load that drifts; the report gives the medians
    floors: list[float] = []
    pipes: list[tuple[float, float]] = []
    events = 0
    for k in range(rounds):
        t = time.perf_counter()
        for data, r in payloads:
            d = decode_bytes(data, r["id"])
            segment(normalize(d.text).text)  # the floor: decode, normalize and tokenize (what the pipeline reads)
        floors.append(time.perf_counter() - t)

        t, c = time.perf_counter(), time.process_time()
        for data, r in payloads:
            d = decode_bytes(data, r["id"])
            rec = pipe.extract_decoded(d, source=r["source"], published=r["published"])
            if k == 0:
                events += len(rec.events)
        pipes.append((time.perf_counter() - t, time.process_time() - c))
    ratios = [p / f for f, (p, _) in zip(floors, pipes, strict=True)]
    floor_s = statistics.median(floors)
    pipe_s = statistics.median(p for p, _ in pipes)
    pipe_cpu = statistics.median(c for _, c in pipes)
    peak = _rss_mb()
    if profile is not None:  # a separate, untimed pass: the profiler slows what it watches
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        for data, r in payloads[:300]:
            pipe.extract_decoded(decode_bytes(data, r["id"]), source=r["source"], published=r["published"])
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    n = len(payloads)
    return {
        "articles": n, "mb": round(nbytes / 1e6, 3), "events": events,
        "import_s": round(t_import, 3), "load_s": round(load_s, 3),
        "rss_start_mb": round(rss_start, 1), "rss_loaded_mb": round(rss_loaded, 1), "peak_rss_mb": round(peak, 1),
        "pipeline": {"seconds": round(pipe_s, 3), "cpu_seconds": round(pipe_cpu, 3),
                     "articles_per_s": round(n / pipe_s, 1), "articles_per_cpu_s": round(n / pipe_cpu, 1),
                     "mb_per_s": round(nbytes / 1e6 / pipe_s, 3), "ms_per_article": round(1000 * pipe_s / n, 3)},
        "floor": {"seconds": round(floor_s, 3), "articles_per_s": round(n / floor_s, 1),
                  "mb_per_s": round(nbytes / 1e6 / floor_s, 3), "ms_per_article": round(1000 * floor_s / n, 3)},
        "pipeline_over_floor": round(statistics.median(ratios), 2),
        "rounds": [{"floor_s": round(f, 3), "pipeline_s": round(p, 3), "ratio": round(q, 2)}
                   for f, (p, _), q in zip(floors, pipes, ratios, strict=True)],
    }


def child_lengths(seed: int, budget_kb: int) -> dict[str, Any]:
    from rasd.pipeline import load_for_process

    pipe = load_for_process()
    rng = random.Random(seed)
    out = []
    for kb in LENGTHS_KB:
        texts = [make_article(rng, kb * 1024)[1] for _ in range(max(3, budget_kb // kb))]
        pipe.extract_text(texts[0], published="2020-01-01")  # warm
        times = []
        for text in texts:
            t = time.perf_counter()
            pipe.extract_text(text, published="2020-01-01")
            times.append(time.perf_counter() - t)
        kbs = statistics.mean(len(x.encode("utf-8")) for x in texts) / 1024
        med = statistics.median(times)
        out.append({"kb": kb, "articles": len(texts), "actual_kb": round(kbs, 2),
                    "ms_per_article": round(1000 * med, 3), "ms_per_kb": round(1000 * med / kbs, 3)})
    xs = [math.log(r["actual_kb"]) for r in out]
    ys = [math.log(r["ms_per_article"]) for r in out]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    ratio = out[-1]["ms_per_kb"] / next(r["ms_per_kb"] for r in out if r["kb"] == 4)
    return {"points": out, "loglog_slope": round(slope, 3), "ms_per_kb_64_over_4": round(ratio, 2)}


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def calibrate(n: int = 5_000_000) -> dict[str, Any]:
    """How much parallelism the machine gives right now: a pure-CPU loop on 1 and 2 processes.
    On a shared or throttled machine this bounds every speedup below."""
    import multiprocessing

    t = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - t
    with multiprocessing.get_context().Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start the workers before timing
        t = time.perf_counter()
        pool.map(_burn, [n, n])
        parallel = time.perf_counter() - t
    return {"loadavg_1min": round(os.getloadavg()[0], 2), "pure_cpu_speedup_1_to_2": round(serial / parallel, 2)}


def _child(kind: str, args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *args]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"child {kind} failed:\n{res.stderr}")
    result: dict[str, Any] = json.loads(res.stdout.strip().splitlines()[-1])
    return result


# ---- engines ------------------------------------------------------------------------------------------

def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def run_engines(corpus: Path, n: int, work: Path, skip_spark: bool, unit_size: int) -> dict[str, Any]:
    from rasd.batch import BatchOptions, run_batch

    results: dict[str, Any] = {}
    digests: dict[str, str] = {}

    def one(name: str, opts: BatchOptions, session: Any = None) -> None:
        t = time.perf_counter()
        r = run_batch(opts, spark_session=session)
        s = time.perf_counter() - t
        results[name] = {"seconds": round(s, 3), "articles_per_s": round(r.totals["documents"] / s, 1),
                         "documents": r.totals["documents"], "events": r.totals["events"],
                         "errors": r.totals["errors"]}
        digests[name] = _digest(Path(opts.output))
        print(f"  {name}: {s:.1f} s, {r.totals['documents'] / s:.1f} articles/s", file=sys.stderr)

    for w in (1, 2):
        one(f"local_{w}", BatchOptions(input=str(corpus), output=str(work / f"local_{w}"), workers=w,
                                       unit_size=unit_size, overwrite=True))
    results["speedup_local_1_to_2"] = round(results["local_1"]["seconds"] / results["local_2"]["seconds"], 2)
    if not skip_spark:
        from rasd.batch.spark import spark_session

        for c in (1, 2):
            t = time.perf_counter()
            session = spark_session(f"local[{c}]")
            start_s = time.perf_counter() - t
            try:
                one(f"spark_local_{c}", BatchOptions(input=str(corpus), output=str(work / f"spark_{c}"),
                                                     engine="spark", unit_size=unit_size, overwrite=True), session)
            finally:
                session.stop()
            results[f"spark_local_{c}"]["session_start_s"] = round(start_s, 2)
        results["speedup_spark_1_to_2"] = round(
            results["spark_local_1"]["seconds"] / results["spark_local_2"]["seconds"], 2)
    results["identical_outputs"] = len(set(digests.values())) == 1
    results["output_sha256"] = sorted(set(digests.values()))
    return results


def _rasd_version() -> dict[str, Any]:
    """Where rasd was imported from, which of its modules run compiled (a wheel install: setup.py, mypyc), and
    the commit of this checkout."""
    import importlib.machinery

    import rasd
    import rasd.pipeline  # noqa: F401  (imports every module of the pipeline)

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    compiled = sorted(name for name, mod in sys.modules.items()
                      if name.startswith("rasd.") and str(getattr(mod, "__file__", "")).endswith(suffixes))
    info: dict[str, Any] = {"path": str(Path(rasd.__file__).resolve().parent), "compiled_modules": compiled}
    try:
        head = subprocess.run(["git", "-C", str(HERE), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(HERE), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        info.update({"commit": head, "modified_files": len(dirty.splitlines())})
    except (OSError, subprocess.CalledProcessError):
        pass
    return info


# ---- main ---------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="articles in the corpus (default 5000)")
    ap.add_argument("--kb", type=float, default=4.0, help="article size in KB (default 4)")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--out", type=Path, default=HERE / "out" / "report.json")
    ap.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--unit-size", type=int, default=100, help="rasd batch unit size (default 100)")
    ap.add_argument("--length-budget-kb", type=int, default=512, help="KB of text per length point")
    ap.add_argument("--real-n", type=int, default=500,
                    help="articles tiled from ../shared/dev for the real-text pass (default 500; 0: none)")
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--skip-engines", action="store_true")
    ap.add_argument("--profile", action="store_true", help="write a pyinstrument profile next to the report")
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternating floor and pipeline passes in one process; medians reported (default 3)")
    ap.add_argument("--child", choices=("single", "lengths"), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "single":
        print(json.dumps(child_single(args.corpus, args.profile_path, args.rounds)))
        return
    if args.child == "lengths":
        print(json.dumps(child_lengths(args.seed, args.length_budget_kb)))
        return

    work = args.work or Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    rows = generate(args.n, args.seed, args.kb)
    with open(corpus, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    total_bytes = sum(len(r["text"].encode("utf-8")) for r in rows)
    print(f"corpus: {len(rows)} articles, {total_bytes / 1e6:.1f} MB → {corpus}", file=sys.stderr)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    profile_path = args.out.with_suffix(".profile.txt") if args.profile else None
    print("single process …", file=sys.stderr)
    single_args = ["--corpus", str(corpus), "--rounds", str(args.rounds)] + (
        ["--profile-path", str(profile_path)] if profile_path else [])
    single = _child("single", single_args)
    print(f"  {single['pipeline']['articles_per_s']} articles/s, floor {single['floor']['articles_per_s']}/s, "
          f"peak RSS {single['peak_rss_mb']} MB", file=sys.stderr)
    single_real: dict[str, Any] = {}
    real = real_corpus(SHARED_DEV, args.real_n, args.kb) if SHARED_DEV.is_dir() and args.real_n > 0 else []
    if real:
        real_path = work / "real.jsonl"
        with open(real_path, "w", encoding="utf-8") as fh:
            for row in real:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"single process, real text ({len(real)} articles tiled from {SHARED_DEV}) …", file=sys.stderr)
        single_real = _child("single", ["--corpus", str(real_path), "--rounds", str(args.rounds)])
        real_path.unlink()
        print(f"  {single_real['pipeline']['articles_per_s']} articles/s, floor "
              f"{single_real['floor']['articles_per_s']}/s", file=sys.stderr)
    print("article length 1–64 KB …", file=sys.stderr)
    lengths = _child("lengths", ["--seed", str(args.seed), "--length-budget-kb", str(args.length_budget_kb)])
    engines: dict[str, Any] = {}
    calibration_before = calibrate()
    if not args.skip_engines:
        print("engines …", file=sys.stderr)
        engines = run_engines(corpus, args.n, work, args.skip_spark, args.unit_size)
    calibration_after = calibrate()

    def target(value: float | None, limit: float, higher_is_better: bool) -> dict[str, Any]:
        met = None if value is None else (value >= limit if higher_is_better else value <= limit)
        return {"target": limit, "value": value, "met": met}

    report = {
        "schema": "rasd.benchmark/1",
        "command": "python benchmarks/run.py " + " ".join(sys.argv[1:]),
        "rasd": _rasd_version(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "calibration_before_engines": calibration_before,
                    "calibration_after_engines": calibration_after},
        "corpus": {"articles": len(rows), "mb": round(total_bytes / 1e6, 3),
                   "mean_kb": round(total_bytes / len(rows) / 1024, 2), "seed": args.seed},
        "single_process": single,
        "single_process_real": single_real,
        "length_scaling": lengths,
        "engines": engines,
        "targets": {
            "articles_per_s_per_core": target(single["pipeline"]["articles_per_s"],
                                              TARGETS["articles_per_s_per_core"], True),
            "pipeline_over_floor": target(single["pipeline_over_floor"], TARGETS["pipeline_over_floor"], False),
            "peak_rss_mb": target(single["peak_rss_mb"], TARGETS["peak_rss_mb"], False),
            "speedup_1_to_2_workers": target(engines.get("speedup_local_1_to_2"),
                                             TARGETS["speedup_1_to_2_workers"], True),
            "speedup_spark_local_1_to_2": target(engines.get("speedup_spark_1_to_2"),
                                                 TARGETS["speedup_1_to_2_workers"], True),
            "linear_in_length_loglog_slope": target(lengths["loglog_slope"], TARGETS["loglog_slope_max"], False),
        },
    }
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"report → {args.out}", file=sys.stderr)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
