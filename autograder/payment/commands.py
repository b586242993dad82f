"""``himlab drg``: group one case, explain the MS-DRG, and optionally estimate the IPPS payment."""

from __future__ import annotations

import argparse
import json
import sys

from autograder.cli import UsageError


def cmd_drg(args: argparse.Namespace) -> int:
    from autograder.payment.case import CaseError
    from autograder.payment.grouping import group
    from autograder.payment.ipps import Hospital, ipps_estimate

    fields = {
        "pdx": args.pdx,
        "pdx_poa": args.pdx_poa,
        "sdx": args.sdx or [],
        "procedures": args.proc or [],
        "age": args.age,
        "sex": args.sex,
        "discharge_status": args.disposition,
        "admission_date": args.admit,
        "discharge_date": args.discharge,
        "poa_exempt": args.poa_exempt,
    }
    try:
        result = group(fields)
        payment = None
        if args.payment:
            hospital = Hospital(wage_index=args.wage_index, cost_to_charge_ratio=args.ccr)
            payment = ipps_estimate(result, hospital=hospital, covered_charges=args.charges)
    except (CaseError, ValueError) as exc:
        raise UsageError(str(exc)) from None

    if args.json:
        data = result.to_dict()
        if payment is not None:
            data["payment"] = payment.to_dict()
        json.dump(data, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(result.describe())
        for f in result.findings:
            print(f"{f.severity}: [{f.rule}] {f.message}")
        if payment is not None:
            print(payment.describe())
    return 1 if any(f.is_error for f in result.findings) else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "drg",
        help="group a case to an MS-DRG and explain it",
        description="Group one inpatient case with MS-DRG v43/v43.1 and explain the result.",
    )
    p.add_argument("--pdx", required=True, help="principal diagnosis (ICD-10-CM), e.g. J18.9")
    p.add_argument("--pdx-poa", default="Y", help="POA of the principal diagnosis (default Y)")
    p.add_argument(
        "--sdx", action="append", metavar="CODE[:POA]", help="secondary diagnosis, repeatable: J96.01:Y"
    )
    p.add_argument(
        "--proc", action="append", metavar="CODE", help="ICD-10-PCS procedure, repeatable: 0BH17EZ"
    )
    p.add_argument("--age", required=True, help="age in years at admission (0-124)")
    p.add_argument("--sex", required=True, help="M, F or U")
    p.add_argument(
        "--disposition", "--discharge-status", default="01", help="discharge status (UB-04 FL 17), e.g. 01"
    )
    p.add_argument("--admit", help="admission date, YYYY-MM-DD")
    p.add_argument("--discharge", help="discharge date, YYYY-MM-DD (chooses v43 or v43.1)")
    p.add_argument(
        "--poa-exempt", action="store_true", help="hospital exempt from POA reporting (no HAC logic)"
    )
    p.add_argument("--payment", action="store_true", help="add an FY2026 IPPS payment estimate")
    p.add_argument(
        "--wage-index", type=float, default=1.0, help="hospital wage index for --payment (default 1.0)"
    )
    p.add_argument("--charges", type=float, help="covered charges, for the cost outlier with --payment")
    p.add_argument("--ccr", type=float, help="cost-to-charge ratio, for the cost outlier with --payment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_drg)
