import itertools
import random

import pytest

from quartier.monitoring.figures import class_of, jenks_breaks, quantile_breaks


def test_quantiles_split_evenly():
    assert quantile_breaks([1, 2, 3, 4, 5, 6, 7, 8], 4) == [2, 4, 6, 8]


def test_jenks_finds_the_natural_gaps():
    values = [1, 2, 3, 10, 11, 12, 30, 31]
    assert jenks_breaks(values, 3) == [3, 12, 31]


def test_class_of():
    assert [class_of(v, [3, 12, 31]) for v in (1, 3, 4, 31)] == [0, 0, 1, 2]


def _sum_of_squares(parts: list[list[float]]) -> float:
    return sum(sum((v - sum(p) / len(p)) ** 2 for v in p) for p in parts)


def _classes_of(values: list[float], breaks: list[float]) -> list[list[float]]:
    """The classes the map draws: each value in the first class whose bound holds it."""
    parts: list[list[float]] = [[] for _ in breaks]
    for value in values:
        parts[class_of(value, breaks)].append(value)
    return [p for p in parts if p]


def _best_by_trying_all(values: list[float], classes: int) -> float:
    """The least within-class sum of squares over every split of the sorted values."""
    ordered = sorted(values)
    return min(
        _sum_of_squares(
            [ordered[a:b] for a, b in itertools.pairwise((0, *cuts, len(ordered)))]
        )
        for cuts in itertools.combinations(range(1, len(ordered)), classes - 1)
    )


def _full_table(values: list[float], classes: int) -> list[float]:
    """Fisher's dynamic programme over the whole table, ties to the smaller start:
    the quadratic method the fast one replaces, written out plainly."""
    ordered = sorted(values)
    n = len(ordered)
    sums = list(itertools.accumulate(ordered, initial=0.0))
    squares = list(itertools.accumulate((v * v for v in ordered), initial=0.0))

    def cost(start: int, end: int) -> float:
        total = sums[end] - sums[start]
        return squares[end] - squares[start] - total * total / (end - start)

    best = {(0, 0): 0.0}
    start_of = {}
    for k in range(1, classes + 1):
        for end in range(k, n + 1):
            options = [
                (best[(k - 1, start)] + cost(start, end), start)
                for start in range(k - 1, end)
                if (k - 1, start) in best
            ]
            best[(k, end)], start_of[(k, end)] = min(options)
    breaks, end = [], n
    for k in range(classes, 0, -1):
        breaks.append(ordered[end - 1])
        end = start_of[(k, end)]
    return sorted(breaks)


@pytest.mark.parametrize("seed", range(40))
def test_jenks_is_the_least_squares_split(seed):
    # Small enough to try every split; integers make ties between splits common.
    rng = random.Random(seed)  # noqa: S311 - repeatable test data
    values = [rng.randint(0, 9) for _ in range(rng.randint(5, 11))]
    classes = min(rng.randint(2, 5), len(set(values)))
    breaks = jenks_breaks(values, classes)
    assert len(breaks) == classes
    assert _sum_of_squares(_classes_of(values, breaks)) == pytest.approx(
        _best_by_trying_all(values, classes)
    )


@pytest.mark.parametrize("seed", range(6))
def test_jenks_matches_the_full_table_on_many_values(seed):
    rng = random.Random(seed)  # noqa: S311 - repeatable test data
    values = [round(rng.uniform(2, 60), 2) for _ in range(120)]
    values += [round(rng.gauss(30, 3), 1) for _ in range(80)]
    assert jenks_breaks(values, 5) == _full_table(values, 5)


def test_jenks_with_fewer_values_than_classes_keeps_each():
    assert jenks_breaks([4.0, 1.0, 4.0], 5) == [1.0, 4.0]
    assert jenks_breaks([7.5], 1) == [7.5]
