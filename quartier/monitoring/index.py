"""Status and dynamics index, as Berlin's Monitoring Soziale Stadtentwicklung computes them.

Pure arithmetic on plain numbers, so the method can be checked by hand:

1. Each index indicator is z-standardised over the compared areas:
   z = (x − mean) / standard deviation (population form, over the areas that have a
   value). Where higher is better the sign flips, so a high z always means "more
   disadvantaged".
2. The weighted mean of an area's z-values is its raw index; the raw indices are
   z-standardised again, so the classes mean the same in every year.
3. Status classes by the standardised index: below the first threshold "hoch" (1),
   up to the second "mittel" (2), up to the third "niedrig" (3), above "sehr
   niedrig" (4). Berlin: −1.0, +1.0, +1.5.
4. Dynamics: the same with each indicator's change over the period (in points),
   three classes: below the first threshold "positiv" (1), up to the second
   "stabil" (2), above "negativ" (3). Berlin: −1.0, +1.0.

An area lacking any index indicator (or a suppressed one) gets no index that date.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Scores = dict[int, float]


def standardise(values: Mapping[int, float]) -> Scores:
    """z-scores with the population standard deviation; all-equal values give 0."""
    if not values:
        return {}
    mean = sum(values.values()) / len(values)
    variance = sum((v - mean) ** 2 for v in values.values()) / len(values)
    sd = math.sqrt(variance)
    if sd == 0:
        return dict.fromkeys(values, 0.0)
    return {key: (v - mean) / sd for key, v in values.items()}


def composite(
    by_indicator: Mapping[int, Mapping[int, float]],
    weights: Mapping[int, float],
    signs: Mapping[int, int],
) -> Scores:
    """Standardised weighted mean of standardised indicators, for areas with all of them.

    `by_indicator` maps indicator id → {area id: value}; `signs` is +1 where a higher
    value means more disadvantage, −1 where higher is better.
    """
    if not by_indicator:
        return {}
    complete = set.intersection(*(set(v) for v in by_indicator.values()))
    if len(complete) < 2:
        return {}
    total_weight = sum(weights[i] for i in by_indicator)
    raw = dict.fromkeys(complete, 0.0)
    for indicator, values in by_indicator.items():
        z = standardise({a: values[a] for a in complete})
        for area, score in z.items():
            raw[area] += signs[indicator] * weights[indicator] * score / total_weight
    return standardise(raw)


def classify(score: float, thresholds: Sequence[float]) -> int:
    """1 + the number of thresholds the score exceeds (a score on a border stays below)."""
    return 1 + sum(1 for threshold in thresholds if score > threshold)
