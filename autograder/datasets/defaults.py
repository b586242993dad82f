"""The default seed and sizes: the set committed in ``datasets/`` is generated with exactly these."""

DEFAULT_SEED = 42
DEFAULT_PATIENTS = 250
DEFAULT_CLAIMS = 400
