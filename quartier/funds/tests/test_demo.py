from django.core.management import call_command

from quartier.funds.models import Fund, FundApplication, Meeting, Status, StatusChange


def test_demo_has_both_funds_every_state_and_is_idempotent(demo, tmp_path):
    schinkel = Fund.objects.get(slug="schinkel")
    assert (schinkel.yearly_budget, schinkel.max_per_application) == (5000, 1000)
    nette = Fund.objects.get(slug="dodesheide-nette")
    assert (nette.min_per_application, nette.max_per_application) == (500, 2500)
    assert set(FundApplication.objects.values_list("status", flat=True)) == set(
        Status.values
    )
    assert Meeting.objects.filter(decisions__isnull=False).exists()
    for fund in (schinkel, nette):
        years = set(
            fund.applications.exclude(budget_year=None).values_list(
                "budget_year", flat=True
            )
        )
        assert all(fund.committed(year) <= fund.yearly_budget for year in years)
    counts = (FundApplication.objects.count(), StatusChange.objects.count())
    call_command("seed_demo", password_file=str(tmp_path / "pw.txt"), stdout=_Null())
    assert (FundApplication.objects.count(), StatusChange.objects.count()) == counts
    assert FundApplication.objects.filter(is_demo=False).count() == 0


class _Null:
    def write(self, *args):
        pass
