"""7th characters: where the placeholder X goes and which characters a code may take.

ICD-10-CM Official Guidelines I.A.4 (placeholder X) and I.A.5 (7th characters): a code that takes
a 7th character must have it in the 7th position; when the code has fewer than six characters,
the empty positions are filled with the placeholder X.
"""

from __future__ import annotations

PLACEHOLDER = "X"
STEM_LENGTH = 6

# Exceptions the tabular list states in words rather than in <sevenChrDef>. Category S06 carries the
# note "7th characters D and S do not apply to codes in category S06 with 6th character 7 ... or 8".
# category -> (6th characters, the only 7th characters those codes take)
RESTRICTIONS: dict[str, tuple[str, str]] = {"S06": ("78", "A")}


def padded(stem: str) -> str:
    """The six characters before the 7th: the tabular code filled with X (``T07`` -> ``T07XXX``)."""
    return stem.ljust(STEM_LENGTH, PLACEHOLDER)


def skeleton(key: str) -> str:
    """A code without its placeholders (every X after the category): compares codes whatever their X."""
    return key[:3] + key[3:].replace(PLACEHOLDER, "")


def allowed(stem: str, defined: str) -> str:
    """The 7th characters a six-character stem takes: those defined for it, less the stated exceptions."""
    rule = RESTRICTIONS.get(stem[:3])
    if rule and len(stem) == STEM_LENGTH and stem[5] in rule[0]:
        return "".join(c for c in defined if c in rule[1])
    return defined


def restriction_note(stem: str) -> str | None:
    """Plain words for the exception that limits ``stem``'s 7th characters, if one does."""
    rule = RESTRICTIONS.get(stem[:3])
    if rule and len(stem) == STEM_LENGTH and stem[5] in rule[0]:
        sixth = " or ".join(rule[0])
        return (
            f"the note at category {stem[:3]} limits codes whose 6th character is {sixth} "
            f"to the 7th character {', '.join(rule[1])}"
        )
    return None
