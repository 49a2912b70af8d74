"""Errors a user can act on. The command line turns each into one clean message, never a traceback.

BdarsError
├── ConfigError        a settings file or environment variable is wrong
├── StorageError       the database cannot be reached, created or upgraded
├── SecretKeyError     the encryption key is missing or wrong
├── InputFileError     a whole input file cannot be read (one bad row is a quarantine, not this)
└── NotFoundError      a report, aggressor or user named on the command line does not exist
"""

from __future__ import annotations


class BdarsError(Exception):
    """Base of every error that bdars reports to a user as a message."""


class ConfigError(BdarsError):
    pass


class StorageError(BdarsError):
    pass


class SecretKeyError(BdarsError):
    pass


class InputFileError(BdarsError):
    pass


class NotFoundError(BdarsError):
    pass
