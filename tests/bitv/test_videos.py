"""Sign-language videos: upload with transcript, checks of type and size, serving, deleting."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from partizipation.bitv.models import SignLanguageVideo
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import csrf_token, page_text

from .factories import MP4_HEAD, WEBM_HEAD, create_video

UPLOAD = "/verwaltung/seiten/videos/neu"


@pytest.fixture()
def app_config(tmp_path):
    return {"UPLOAD_FOLDER": str(tmp_path / "uploads"), "SIGN_VIDEO_MAX_BYTES": 4096}


@pytest.fixture()
def officer(client, db_session):
    user = create_user(db_session, role="officer")
    login(client, user.email)
    return user


def upload(client, content=MP4_HEAD + b"\x00" * 100, filename="gruss.mp4", **fields):
    data = {"csrf_token": csrf_token(client.get(UPLOAD)), "title": "Willkommen",
            "transcript": "Hallo und willkommen.\n\nSo finden Sie sich zurecht.", **fields}
    if content is not None:
        data["video"] = (io.BytesIO(content), filename)
    return client.post(UPLOAD, data=data, content_type="multipart/form-data")


def count(db_session):
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(SignLanguageVideo))


def test_officer_uploads_a_video_and_everyone_sees_it_with_its_transcript(
    client, db_session, officer, app
):
    response = upload(client, show_on_start_page="y")
    assert response.status_code == 302
    video = db_session.scalar(select(SignLanguageVideo))
    assert video.mimetype == "video/mp4" and video.title == "Willkommen"
    # Stored under a random name, not the uploader's.
    assert video.stored_name != "gruss.mp4" and re.fullmatch(r"[0-9a-f]{32}\.mp4",
                                                             video.stored_name)
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/"))})
    html = client.get("/gebaerdensprache").get_data(as_text=True)
    src = f"/gebaerdensprache/video/{video.id}"
    assert re.search(rf'<video controls[^>]*>\s*<source src="{src}" type="video/mp4">', html)
    # The transcript follows the video, as text.
    assert html.index("<video") < html.index("So finden Sie sich zurecht.")
    assert "no sign language videos" not in html and "noch keine" not in page_text(
        client.get("/gebaerdensprache"))
    assert src in client.get("/").get_data(as_text=True)


def test_video_is_served_with_its_type_and_nosniff(client, db_session, officer):
    upload(client, content=WEBM_HEAD + b"\x00" * 50, filename="film.webm")
    video = db_session.scalar(select(SignLanguageVideo))
    with client.get(f"/gebaerdensprache/video/{video.id}") as response:
        assert response.status_code == 200
        assert response.mimetype == "video/webm"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.data.startswith(WEBM_HEAD)
    # Players seek with range requests.
    with client.get(f"/gebaerdensprache/video/{video.id}",
                    headers={"Range": "bytes=0-3"}) as partial:
        assert partial.status_code == 206 and partial.data == WEBM_HEAD[:4]


def test_unknown_video_is_404(client):
    assert client.get("/gebaerdensprache/video/999999").status_code == 404


def test_video_not_on_start_page_unless_chosen(client, db_session, officer):
    upload(client)
    video = db_session.scalar(select(SignLanguageVideo))
    assert f"/gebaerdensprache/video/{video.id}" not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(("content", "filename", "message"), [
    (b"%PDF-1.7 not a video at all", "brief.mp4", "muss ein Video im Format MP4 oder WebM"),
    (MP4_HEAD + b"\x00" * 10, "bild.png", "muss ein Video im Format MP4 oder WebM"),
    (MP4_HEAD + b"\x00" * 5000, "lang.mp4", "Die Datei ist zu groß"),
    (None, "", "Wählen Sie eine Videodatei aus"),
])
def test_wrong_files_are_refused_with_a_field_message(
    client, db_session, officer, content, filename, message
):
    response = upload(client, content=content, filename=filename)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page_text(response)
    assert 'href="#video"' in html and 'id="video-error"' in html
    assert 'value="Willkommen"' in html and "So finden Sie sich zurecht." in html
    assert count(db_session) == 0


def test_transcript_is_required(client, db_session, officer, app):
    response = upload(client, transcript="  ")
    assert "Geben Sie das Transkript ein" in page_text(response)
    assert 'href="#transcript"' in response.get_data(as_text=True)
    assert count(db_session) == 0
    assert not list((__import__("pathlib").Path(app.config["UPLOAD_FOLDER"])).rglob("*.mp4"))


def test_officer_deletes_a_video_and_its_file(client, db_session, officer, app):
    from pathlib import Path

    upload(client)
    video = db_session.scalar(select(SignLanguageVideo))
    path = Path(app.config["UPLOAD_FOLDER"]) / "sign-language" / video.stored_name
    assert path.exists()
    page = client.get("/verwaltung/seiten/videos")
    response = client.post(f"/verwaltung/seiten/videos/{video.id}/loeschen",
                           data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert count(db_session) == 0 and not path.exists()
    assert "wurde gelöscht" in page_text(client.get(response.headers["Location"]))


def test_delete_needs_the_right_role_and_a_known_video(client, db_session):
    video = create_video(db_session)
    login(client, create_user(db_session, role="editor").email)
    token = csrf_token(client.get("/"))
    response = client.post(f"/verwaltung/seiten/videos/{video.id}/loeschen",
                           data={"csrf_token": token})
    assert response.status_code == 403
    assert count(db_session) == 1
    assert client.post("/verwaltung/seiten/videos/999999/loeschen",
                       data={"csrf_token": token}).status_code == 404


def test_management_page_lists_videos_and_says_when_there_are_none(client, db_session, officer):
    assert "noch keine Videos hochgeladen" in page_text(client.get("/verwaltung/seiten/videos"))
    create_video(db_session, title="Die Sitzung")
    html = client.get("/verwaltung/seiten/videos").get_data(as_text=True)
    assert "Die Sitzung" in html and 'aria-describedby="video-' in html
