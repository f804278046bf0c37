"""Every message in the code and templates has a German translation (German is the default)."""

from tools.i18n import missing


def test_every_message_is_translated_into_german():
    problems = missing()
    assert not problems, "untranslated (run `make messages`, then translate):\n" + "\n".join(
        problems[:50]
    )
