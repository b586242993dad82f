"""``himlab grade ASSIGNMENT --course DIR [--jobs N] [--timeout SECONDS] [--report-only]``."""

from __future__ import annotations

import argparse
import os
import sys

from autograder.cli import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "grade",
        help="autograde every submission of an nbgrader assignment in parallel, with a class report",
        description=(
            "Autograde every course/submitted/*/ASSIGNMENT/ with nbgrader, in parallel, keeping one writer "
            "of the gradebook; make feedback, export grades.csv and write reports/ASSIGNMENT/index.html. "
            "Exit code 1 when a submission could not be graded (timed out, unreadable)."
        ),
    )
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="assignment name, e.g. ps04-icd10cm")
    parser.add_argument(
        "--course", default=".", metavar="DIR", help="the nbgrader course folder (default: .)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="submissions graded at once (default: cores)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="time limit per notebook (default: 300)",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="grade nothing: write grades.csv and the class report from the gradebook (after manual grading)",
    )
    parser.set_defaults(func=grade)


def grade(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more")
    if args.timeout <= 0:
        raise UsageError(f"--timeout {args.timeout:g}: give a number of seconds above 0")
    if args.report_only:
        from autograder.grading.run import report_only

        run = report_only(args.course, args.assignment)
        print(f"grades: {run.grades_csv}")
        print(f"class report: {run.report}")
        return 0
    from autograder.grading.pool import WorkerPool

    with WorkerPool(args.jobs) as pool:  # the workers load nbgrader while the course is read
        from autograder.grading.run import grade_class

        run = grade_class(args.course, args.assignment, timeout=args.timeout, stream=sys.stderr, pool=pool)
    graded = len(run.results) - len(run.failed)
    print(f"{args.assignment}: {graded} of {len(run.results)} submissions graded")
    for result in run.results:
        for finding in result.findings:
            print(f"  {result.student}  {finding.severity:7}  {finding.locator}: {finding.message}")
    print(f"grades: {run.grades_csv}")
    print(f"class report: {run.report}")
    return 1 if run.failed else 0
