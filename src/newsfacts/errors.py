"""The one exception type the CLI turns into a clear one-line message."""


class NewsfactsError(Exception):
    """A problem with the user's input or files, stated in one line (file, row, field, problem)."""
