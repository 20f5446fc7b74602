import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from quartier.measures import reports

from .conftest import make_measures
from .factories import FundingLineFactory, MeasureFactory


def url(quarter, name="finance", **kwargs):
    return reverse(f"measures:{name}", kwargs={"quarter_slug": quarter.slug, **kwargs})


def _euro(text: str) -> Decimal:
    """ "3.450,50 €" → Decimal("3450.50") (German page)."""
    return Decimal(re.sub(r"[^\d,]", "", text).replace(",", "."))


@pytest.fixture
def funded(quarter, measure):
    other = MeasureFactory(quarter=quarter, title="Platz")
    FundingLineFactory(
        measure=other,
        source="land",
        year=2024,
        planned=Decimal("1000.40"),
        spent=Decimal("10.10"),
    )
    FundingLineFactory(
        measure=other, source="eu", year=2026, planned=Decimal("2000.10"), spent=0
    )
    return quarter


@pytest.mark.django_db
def test_chart_has_data_table_and_totals(client, funded):
    html = client.get(url(funded)).text
    assert 'role="img"' in html
    assert 'id="finance-by-year"' in html and 'id="finance-by-source"' in html
    planned = re.search(r'data-total="planned">([^<]+)<', html).group(1)
    assert planned == "3.450,50\xa0€" or _euro(planned) == Decimal("3450.50")


@pytest.mark.django_db
def test_rows_add_up_to_the_total_on_page_api_and_csv(client, quarter):
    """Rosenplatz: thirds of a budget. Rounded rows (1.166.667 ×2 + 1.174.167) did not
    add up to their own rounded total (3.507.500); the page now shows cents."""
    measure = MeasureFactory(quarter=quarter, title="Platzumbau")
    for year, planned in (
        (2024, "1166666.66"),
        (2025, "1166666.66"),
        (2026, "1174166.66"),
    ):
        FundingLineFactory(
            measure=measure, source="bund", year=year, planned=Decimal(planned), spent=0
        )
    html = client.get(url(quarter)).text
    table = html[html.index('id="finance-by-year"') :]
    table = table[: table.index("</table>")]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    rows = [_euro(cell) for cell in re.findall(r"<td>([^<]+)</td><td>", body)]
    total = _euro(re.search(r'data-total="planned">([^<]+)<', table).group(1))
    assert sum(rows) == total == Decimal("3507499.98")
    api = client.get(f"/api/v1/measures/finance/{quarter.slug}/").json()
    assert api["total_planned"] == "3507499.98"
    assert [row["planned"] for row in api["by_year"]] == [
        "1166666.66",
        "1166666.66",
        "1174166.66",
    ]
    assert all(row["spent"] == "0.00" for row in api["by_year"])


@pytest.mark.django_db
def test_csv_totals_equal_chart_totals(client, funded):
    finance = reports.finance_overview(funded)
    # The German spreadsheet variant: semicolons and decimal commas.
    response = client.get(url(funded, "export", fmt="csv"))
    assert response["Content-Type"].startswith("text/csv")
    german = list(
        csv.reader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=";")
    )
    assert Decimal(german[-1][7].replace(",", ".")) == Decimal("3450.50")
    # The machine-readable variant: the same figures with decimal points.
    response = client.get(
        url(funded, "export", fmt="csv"), {"variante": "maschinenlesbar"}
    )
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][7] == "planned_eur"
    body, total = rows[1:-1], rows[-1]
    assert sum(Decimal(r[7]) for r in body) == finance["total_planned"]
    assert sum(Decimal(r[8]) for r in body) == finance["total_spent"]
    assert Decimal(total[7]) == finance["total_planned"] == Decimal("3450.50")
    assert Decimal(total[8]) == finance["total_spent"]
    by_year = {row["year"]: row["planned"] for row in finance["by_year"]}
    for year, planned in by_year.items():
        assert sum(Decimal(r[7]) for r in body if r[6] == str(year)) == planned


@pytest.mark.django_db
def test_xlsx_totals_equal_chart_totals(client, funded):
    finance = reports.finance_overview(funded)
    response = client.get(url(funded, "export", fmt="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    body, total = rows[1:-1], rows[-1]
    assert (
        Decimal(str(sum(r[7] for r in body))).quantize(Decimal("0.01"))
        == finance["total_planned"]
    )
    assert Decimal(str(total[7])) == finance["total_planned"]
    assert Decimal(str(total[8])) == finance["total_spent"]


@pytest.mark.django_db
def test_unknown_export_format_is_404(client, funded):
    assert client.get(url(funded, "export", fmt="pdf")).status_code == 404


@pytest.mark.django_db
def test_public_export_leaves_out_drafts_the_team_export_has_them(
    client, login_as, funded, draft_measure
):
    FundingLineFactory(measure=draft_measure, planned=Decimal("99999"))
    assert "Entwurf" not in client.get(url(funded, "export", fmt="csv")).text
    login_as("manager")
    assert "Entwurf" in client.get(url(funded, "export", fmt="csv")).text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_finance_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(5):
        assert client.get(url(quarter)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 20])
def test_export_query_count_does_not_grow(
    client, quarter, count, django_assert_num_queries
):
    make_measures(quarter, count)
    with django_assert_num_queries(4):
        assert client.get(url(quarter, "export", fmt="csv")).status_code == 200
