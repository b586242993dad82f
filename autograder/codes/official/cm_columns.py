"""The columns of the Table of Drugs and Chemicals and of the Neoplasm Table.

Column numbers are those of the files' ``indexHeading`` (column 1 is the substance or site).
At install time each heading is checked for its word, so a reordered file is refused rather
than read into the wrong column.
"""

# column -> (name used in the lab, word the official heading must contain)
DRUG = {
    2: ("accidental", "accidental"),
    3: ("self-harm", "self-harm"),
    4: ("assault", "assault"),
    5: ("undetermined", "undetermined"),
    6: ("adverse effect", "adverse"),
    7: ("underdosing", "underdosing"),
}
NEOPLASM = {
    2: ("malignant primary", "primary"),
    3: ("malignant secondary", "secondary"),
    4: ("in situ", "in situ"),
    5: ("benign", "benign"),
    6: ("uncertain behavior", "uncertain"),
    7: ("unspecified behavior", "unspecified"),
}
TABLES = {"drug": DRUG, "neoplasm": NEOPLASM}


def heading_problems(book: str, headings: dict[int, str]) -> list[str]:
    """Columns whose official heading lacks the expected word (empty when all agree)."""
    return [
        f"column {col} of the {book} table is headed {headings.get(col, '(nothing)')!r}, expected {word!r}"
        for col, (_, word) in TABLES[book].items()
        if word not in headings.get(col, "").lower()
    ]
