"""Pieces both 837 readers use: splitting a run of segments into loops, and reading names, addresses,
dates and amounts back into the values the claim models hold."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from autograder.claims.x12.formats import read_amount, read_d8, read_tax_id
from autograder.claims.x12.segments import Segment

Block = list[Segment]


def split(segments: Block, starts: Callable[[Segment], bool]) -> tuple[Block, list[Block]]:
    """(segments before the first start, then one block per start) - how loops follow each other."""
    leading: Block = []
    blocks: list[Block] = []
    for seg in segments:
        if starts(seg):
            blocks.append([seg])
        elif blocks:
            blocks[-1].append(seg)
        else:
            leading.append(seg)
    return leading, blocks


def entities(segments: Block) -> tuple[Block, dict[str, Block]]:
    """(segments before the first NM1, NM101 entity code -> its NM1 and the segments up to the next NM1).
    A repeated entity code keeps the first loop."""
    leading, blocks = split(segments, lambda s: s.id == "NM1")
    found: dict[str, Block] = {}
    for block in blocks:
        found.setdefault(block[0].get(1), block)
    return leading, found


def first(block: Block, seg_id: str, qualifier: str | None = None) -> Segment | None:
    """The first ``seg_id`` segment in the block (whose first element is ``qualifier``, if given)."""
    for seg in block:
        if seg.id == seg_id and (qualifier is None or seg.get(1) == qualifier):
            return seg
    return None


def date_text(value: str) -> str | None:
    """A CCYYMMDD date as ``YYYY-MM-DD``; text that is not a real date is kept as sent, so the claim
    rules can report it."""
    if not value:
        return None
    day = read_d8(value)
    return day.isoformat() if day else value


def money(seg: Segment, position: int, part: int = 0) -> Decimal | None:
    """An amount element (or component ``part`` of it); a value that is not a number is an error."""
    value = seg.part(position, part) if part else seg.get(position)
    if not value:
        return None
    number = read_amount(value)
    if number is None:
        where = f"{seg.id}{position:02d}" + (f"-{part}" if part else "")
        raise seg.error(f"{where} is {value[:20]!r}, not an amount (digits with an optional point)")
    return number


def address(block: Block) -> dict | None:
    street, city = first(block, "N3"), first(block, "N4")
    if street is None and city is None:
        return None
    found = {
        "street": street.get(1) if street else None,
        "street2": street.get(2) if street else None,
        "city": city.get(1) if city else None,
        "state": city.get(2) if city else None,
        "zip_code": city.get(3) if city else None,
    }
    return {k: v for k, v in found.items() if v}


def provider(block: Block, other_id_qualifiers: set[str] = frozenset()) -> dict:
    """A provider's name (a person when NM104, the first name, is sent; else one name), NPI, address,
    phone and other ID."""
    nm1 = block[0]
    found: dict = {}
    if nm1.get(4):
        found.update(last_name=nm1.get(3), first_name=nm1.get(4))
    elif nm1.get(3):
        found["name"] = nm1.get(3)
    if nm1.get(9):
        found["npi"] = nm1.get(9)
    place = address(block)
    if place:
        found["address"] = place
    contact = first(block, "PER")
    if contact is not None and contact.get(3) == "TE" and contact.get(4):
        found["phone"] = contact.get(4)
    for seg in block:
        if seg.id == "REF" and seg.get(1) in other_id_qualifiers and seg.get(2):
            found.update(other_id_qualifier=seg.get(1), other_id=seg.get(2))
            break
    return found


def person(block: Block) -> dict:
    """A patient or insured: names, address, birth date and sex (DMG)."""
    nm1 = block[0]
    found = {"last_name": nm1.get(3), "first_name": nm1.get(4), "middle_initial": nm1.get(5)}
    place = address(block)
    if place:
        found["address"] = place
    dmg = first(block, "DMG")
    if dmg is not None:
        found.update(birth_date=date_text(dmg.get(2)), sex=dmg.get(3))
    return {k: v for k, v in found.items() if v}


def tax_id_text(seg: Segment | None) -> tuple[str | None, str | None]:
    """(tax ID as a coder writes it, ``EIN``/``SSN``) from a REF*EI or REF*SY."""
    if seg is None or not seg.get(2):
        return None, None
    kind = "SSN" if seg.get(1) == "SY" else "EIN"
    return read_tax_id(seg.get(2), kind), kind
