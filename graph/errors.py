"""Domain errors of the graph layer, the same for both backends so callers never catch driver exceptions."""


class GraphError(Exception):
    """Base class for errors raised by the graph layer."""


class GraphUnavailable(GraphError):
    """The graph server cannot be reached or started."""


class ConstraintViolation(GraphError):
    """A write would break a uniqueness constraint (e.g. two records with one id)."""


class ConflictError(GraphError):
    """An optimistic-concurrency check failed: the entry changed since it was read."""

    def __init__(self, entity_id: str, expected: int, actual: int | None) -> None:
        super().__init__(f"{entity_id}: versie {expected} verwacht, {actual} gevonden")
        self.entity_id = entity_id
        self.expected = expected
        self.actual = actual
