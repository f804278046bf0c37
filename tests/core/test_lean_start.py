"""A worker starts lean: nothing expensive is imported or computed at start-up."""

import subprocess
import sys


def test_a_worker_starts_without_the_heavy_libraries(tmp_path):
    """Pictures, the HTML sanitizer, Markdown, iCalendar and the file-type sniffer are imported
    where used (an upload, saving a text, a calendar file), so a worker that serves pages stays
    small (~9 MiB less)."""
    code = (
        "import sys\n"
        "from partizipation import create_app\n"
        f"create_app({{'TESTING': True, 'DATABASE_URL': 'sqlite:///{tmp_path}/z.sqlite'}})\n"
        "print(' '.join(m for m in ('PIL', 'bleach', 'icalendar', 'markdown_it', 'filetype')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
