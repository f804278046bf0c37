"""Templates build links for integer ids from a pattern made once per request; every link equals
what url_for builds."""

from flask import url_for

from partizipation.templating import url_for_in_loop


def test_every_link_with_integer_ids_equals_url_for(app):
    with app.test_request_context("/"):
        checked = 0
        for rule in app.url_map.iter_rules():
            kinds = {type(rule._converters[a]).__name__ for a in rule.arguments}
            if not rule.arguments or kinds != {"IntegerConverter"}:
                continue
            for number in (1, 7, 12345):
                values = {name: number + i for i, name in enumerate(sorted(rule.arguments))}
                assert url_for_in_loop(rule.endpoint, **values) == url_for(rule.endpoint, **values)
                # An extra integer becomes a query argument, as with url_for.
                assert url_for_in_loop(rule.endpoint, seite=2, **values) == url_for(
                    rule.endpoint, seite=2, **values)
            checked += 1
        assert checked > 20


def test_links_with_text_values_equal_url_for_and_follow_the_script_root(app):
    """A link built once for the same text values is given again; it is the same as url_for's,
    quoting included, and never one built for another script root."""
    for script_root in ("", "/beteiligung", ""):
        with app.test_request_context("/", base_url=f"http://localhost{script_root}/"):
            for _twice in range(2):
                for slug in ("a b", "ä/ö?x=1&y", "plain"):
                    assert url_for_in_loop("news.detail", slug=slug) == url_for(
                        "news.detail", slug=slug)
                    assert url_for_in_loop("news.index", thema=slug, seite=2) == url_for(
                        "news.index", thema=slug, seite=2)
            assert url_for_in_loop("news.detail", slug="x").startswith(script_root + "/")


def test_absolute_links_follow_the_address_the_site_was_reached_at(app):
    for base in ("http://localhost/", "https://beteiligung.example.org/kreis/",
                 "http://localhost/"):
        with app.test_request_context("/", base_url=base):
            for _twice in range(2):
                for values in ({"slug": "a b"}, {"slug": "x"}):
                    built = url_for("news.detail", _external=True, **values)
                    assert built.startswith(base.rstrip("/") + "/neuigkeiten/")
                    assert url_for_in_loop("news.detail", _external=True, **values) == built
                assert url_for_in_loop("council.body", body_id=3, _external=True) == url_for(
                    "council.body", body_id=3, _external=True)
                assert url_for_in_loop("news.index", _external=True) == url_for(
                    "news.index", _external=True)


def test_anchors_go_to_url_for(app):
    with app.test_request_context("/"):
        assert url_for_in_loop("council.body", body_id=3, _anchor="x") == url_for(
            "council.body", body_id=3, _anchor="x")
        assert url_for_in_loop("bitv.home") == url_for("bitv.home")
