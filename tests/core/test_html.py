from partizipation.html import sanitize_html


def test_sanitizer_removes_scripts_and_event_handlers():
    dirty = '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>'
    clean = sanitize_html(dirty)
    assert "script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert clean.startswith("<p>Hi")


def test_sanitizer_keeps_structure_and_language_marks():
    html = '<h2>Titel</h2><ul><li><a href="https://example.org" lang="en">Link</a></li></ul>'
    assert sanitize_html(html) == html
