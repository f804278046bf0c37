"""Every permission check of agreements over every role."""

from __future__ import annotations

import pytest

from partizipation.agreements import permissions as perms
from tests.municipalities.factories import ROLES

OFFICE = {"officer", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_manage_agreements(app, cast, role):
    with app.test_request_context():
        assert perms.can_manage_agreements(cast.user(role)) is (role in OFFICE)


@pytest.mark.parametrize("role", ROLES)
def test_the_officer_pages_answer_by_role(client, db_session, cast, role):
    from tests.agreements.factories import create_agreement
    from tests.municipalities.helpers import sign_in

    agreement = create_agreement(db_session, parties=["LAG"])
    if role != "anonymous":
        sign_in(client, cast, role)
    for url in ("/verwaltung/vereinbarungen/neu",
                f"/verwaltung/vereinbarungen/{agreement.id}/bearbeiten",
                f"/verwaltung/vereinbarungen/{agreement.id}/partei-neu",
                f"/verwaltung/vereinbarungen/parteien/{agreement.parties[0].id}/austritt",
                f"/verwaltung/vereinbarungen/{agreement.id}/dokument-neu"):
        status = client.get(url).status_code
        assert status == (200 if role in OFFICE else 302 if role == "anonymous" else 403), url
    assert client.get("/vereinbarungen").status_code == 200
    assert client.get(f"/vereinbarungen/{agreement.id}").status_code == 200
