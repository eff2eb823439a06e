"""The kit's errors: one base class, so a notebook can catch every kit error at once."""


class KitError(Exception):
    """Base class of every error the kit raises on purpose."""


class ArticleNotFoundError(KitError, FileNotFoundError):
    """An article file that does not exist."""


class ArticleFormatError(KitError, ValueError):
    """An article or metadata file that does not follow the expected format."""


class InvalidInputError(KitError, ValueError):
    """An argument outside what a function allows."""


def whole_number(name: str, value: object, low: int, high: int | None = None) -> int:
    """Return ``value`` if it is a whole number in [low, high]; otherwise raise InvalidInputError."""
    in_range = isinstance(value, int) and not isinstance(value, bool) and value >= low
    if in_range and (high is None or value <= high):
        return value
    allowed = f"from {low} to {high}" if high is not None else f"of at least {low}"
    raise InvalidInputError(f"{name} must be a whole number {allowed}, but {value!r} was given.")
