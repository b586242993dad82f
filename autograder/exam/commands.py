"""``himlab exam``: timed practice exams, domain quizzes and reviews in a terminal, and bank statistics.

Answers are read line by line from standard input, so a run can be scripted::

    printf 'B\\nE11.9\\n' | himlab exam --exam cpc --items 2 --seed 1

At each question type the answer (a letter, codes, or for a case a diagnosis line then a procedure
line), or one of: an empty line to skip, ``f`` to flag and answer later, ``p`` to pause. End of input
also pauses; ``himlab exam --resume`` picks the attempt up again.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from autograder.cli import UsageError

EXAMS = ("cpc", "cca", "ccs", "rhit")
WIDTH = 100


class _Paused(Exception):
    """The learner asked to pause, or input ended."""


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _ask(prompt: str) -> str:
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        raise _Paused
    return line.strip()


def _show(session, index: int) -> None:
    from autograder.exam.items import LETTERS

    item = session.items[index]
    minutes = session.remaining_s / 60
    print(f"\nQuestion {index + 1} of {len(session.items)}  [{item.domain}]  {minutes:.0f} min left")
    print(_wrap(item.stem))
    for letter, option in zip(LETTERS, item.options, strict=False):
        print(_wrap(f"{letter}. {option}", "   "))
    if item.kind == "code":
        print("   (enter the code or codes, separated by commas)")


def _read_answer(session, index: int):
    """The learner's answer for one item; None to skip; raises _Paused."""
    from autograder.exam.items import LETTERS

    item = session.items[index]
    while True:
        if item.kind == "case":
            dx = _ask("diagnoses> ")
            if dx.lower() in ("p", "f", ""):
                return dx.lower() or None
            px = _ask("procedures> ")
            return {"diagnoses": dx, "procedures": px}
        raw = _ask("answer> ")
        if raw.lower() in ("p", "f", ""):
            return raw.lower() or None
        if item.kind == "choice":
            letters = LETTERS[: len(item.options)]
            if len(raw) == 1 and raw.upper() in letters:
                return raw.upper()
            print(f"  answer with one letter {letters[0]}-{letters[-1]}; Enter skips, f flags, p pauses")
            continue
        return raw


def _take(session) -> None:
    """Ask every unanswered question, then the ones flagged on the way; stops when time is up."""
    pending = session.unanswered()
    rounds = 0
    while pending and rounds < 2:
        flagged_now = []
        for index in pending:
            if session.expired:
                return
            session.goto(index)
            _show(session, index)
            answer = _read_answer(session, index)
            if answer == "p":
                raise _Paused
            if answer == "f":
                session.flag(True)
                flagged_now.append(index)
                continue
            if answer is not None:
                session.answer(answer)
        pending = flagged_now
        if pending:
            print(f"\nBack to the {len(pending)} flagged question(s).")
        rounds += 1


def _print_report(session) -> None:
    from autograder.exam.blueprint import load_blueprints

    report = session.report
    print(f"\nScore: {report.percent:.1f}% ({report.earned:g} of {report.possible})")
    names = {d.id: d.name for plan in load_blueprints().values() for d in plan.domains}
    for domain, (earned, possible) in report.by_domain.items():
        pct = report.domain_percent(domain)
        bar = "#" * round(pct / 5)
        print(f"  {names.get(domain, domain)[:48]:48} {pct:5.1f}%  {bar} ({earned:g}/{possible})")
    missed = session.review(only_missed=True)
    if missed:
        print("\nReview of missed questions:")
    for entry in missed:
        print(f"\n- {entry.item.id} [{entry.item.domain}] credit {entry.credit:.2f}")
        print(_wrap(entry.item.stem, "  "))
        print(_wrap(f"Your answer: {entry.your_answer}", "  "))
        print(_wrap(f"Key: {entry.item.answer_text()}", "  "))
        print(_wrap(f"Why: {entry.item.rationale}", "  "))
        print(_wrap("Sources: " + "; ".join(entry.item.references), "  "))
    print("\nMissed questions are now in your review queue: himlab exam --review")


def _stats(args: argparse.Namespace) -> int:
    from autograder.exam.bank import bank_stats

    stats = bank_stats()
    if args.json:
        json.dump(stats, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for exam in EXAMS:
        print(f"{exam.upper()}: {stats[exam]['total']} items")
        for domain, n in stats[exam]["domains"].items():
            print(f"  {domain:40} {n}")
    print(f"total: {stats['total']} items")
    return 0


def _history(args: argparse.Namespace, store) -> int:
    rows = store.history(args.exam)
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif not rows:
        print("no submitted attempts yet")
    for row in [] if args.json else rows:
        print(f"{row['submitted_at']}  {row['exam'].upper():5} {row['mode']:6} {row['percent']:5.1f}%")
    return 0


def _session_for(args: argparse.Namespace, store):
    from autograder.exam.engine import ExamError, ExamSession, plan_exam, plan_quiz, plan_review

    try:
        if args.resume is not None:
            return ExamSession.resume(store, args.resume or None, args.exam)
        if args.review:
            return ExamSession.start(store, plan_review(store, args.exam, limit=args.items or 20))
        if not args.exam:
            raise UsageError(
                "choose an exam with --exam cpc, cca, ccs or rhit (or use --stats, --review, --resume)"
            )
        n = args.items if args.items is not None else 20
        if args.domain:
            return ExamSession.start(store, plan_quiz(args.exam, args.domain, n, args.seed))
        return ExamSession.start(store, plan_exam(args.exam, n, args.seed))
    except ExamError as exc:
        raise UsageError(str(exc)) from None


def cmd_exam(args: argparse.Namespace) -> int:
    if args.items is not None and args.items < 1:
        raise UsageError("--items must be 1 or more")
    if args.stats:
        return _stats(args)
    from autograder.exam.engine import ExamError
    from autograder.exam.store import ProgressStore

    with ProgressStore() as store:
        if args.history:
            return _history(args, store)
        session = _session_for(args, store)
        limit = session.time_limit_s / 60
        print(
            f"{session.exam.upper()} {session.mode}: {len(session.items)} questions, {limit:.0f} minutes "
            f"(attempt {session.id}). Enter skips, f flags, p pauses."
        )
        try:
            _take(session)
        except _Paused:
            session.pause()
            print(f"Paused and saved. Resume with: himlab exam --resume {session.id}")
            return 0
        except ExamError as exc:  # the clock ran out between two answers
            print(exc)
        session.submit()
        _print_report(session)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("exam", help="timed CPC, CCA, CCS or RHIT practice exams, quizzes and reviews")
    p.add_argument("--exam", choices=EXAMS, help="which exam's bank and blueprint to use")
    p.add_argument("--items", type=int, help="number of questions (default 20)")
    p.add_argument("--domain", help="quiz on one blueprint domain (see --stats for domain ids)")
    p.add_argument("--seed", type=int, help="fix the draw of questions")
    p.add_argument("--review", action="store_true", help="practise the missed questions that are due")
    p.add_argument(
        "--resume", nargs="?", type=int, const=0, metavar="ID", help="resume an unfinished attempt"
    )
    p.add_argument("--stats", action="store_true", help="count the bank's items by exam and domain")
    p.add_argument("--history", action="store_true", help="list submitted attempts and their scores")
    p.add_argument("--json", action="store_true", help="JSON output for --stats and --history")
    p.set_defaults(func=cmd_exam)
