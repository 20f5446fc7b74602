from quartier.monitoring.figures import class_of, jenks_breaks, quantile_breaks


def test_quantiles_split_evenly():
    assert quantile_breaks([1, 2, 3, 4, 5, 6, 7, 8], 4) == [2, 4, 6, 8]


def test_jenks_finds_the_natural_gaps():
    values = [1, 2, 3, 10, 11, 12, 30, 31]
    assert jenks_breaks(values, 3) == [3, 12, 31]


def test_class_of():
    assert [class_of(v, [3, 12, 31]) for v in (1, 3, 4, 31)] == [0, 0, 1, 2]
