"""What can go wrong with official files; every message says what happened and what to do."""


class OfficialDataError(Exception):
    """A release could not be read, checked, downloaded or installed."""


class InstallError(OfficialDataError):
    """Files are missing, damaged or fail a check; the installed release is left as it was."""


class FetchError(OfficialDataError):
    """A download failed; what was received is kept so the next try resumes."""


class NotInstalled(OfficialDataError, LookupError):
    """The release, or the file asked for, is not installed; the message gives the command."""
