"""HIM Coding Lab: code tables, claim validators, payment logic, exam engine and notebook checks."""

__version__ = "0.1.0"
