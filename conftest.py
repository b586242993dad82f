"""Test runs (unit tests and notebooks alike) keep learner progress out of the real ``~/.himlab``."""

import os
import tempfile

os.environ["HIMLAB_HOME"] = tempfile.mkdtemp(prefix="himlab-home-")
