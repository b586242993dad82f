"""Markers for the Binder test."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "binder: installs binder/requirements.txt into a new virtual environment"
    )
