"""Flash messages never turn user-entered text into markup."""

import pytest
from flask import flash, redirect

from partizipation.i18n import _l


@pytest.mark.own_app
def test_a_flashed_name_with_markup_is_shown_as_text(app, client):
    @app.get("/_test/flash")
    def _flash():  # type: ignore[no-untyped-def]
        # A lazy string survives the session as markup; the layout must still escape it.
        flash(_l("Signed in as %(name)s.", name='<img src=x onerror="alert(1)">'), "success")
        return redirect("/impressum")

    html = client.get("/_test/flash", follow_redirects=True).get_data(as_text=True)
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
