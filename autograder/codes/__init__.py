"""Code sets behind one interface: ``lookup(code)``, ``validate(code)``, ``all_codes()``, ``search(text)``.

Import the code sets as modules; each loads its tables only when first used::

    from autograder.codes import icd10cm, icd10pcs, hcpcs, cpt, pos
"""

from autograder.codes.normalize import normalize
from autograder.findings import Finding

__all__ = ["Finding", "normalize"]
