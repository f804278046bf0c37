"""BITV 2.0 pages: start page, Leichte Sprache, sign language, statement, imprint, privacy,
and the officer's pages to edit them (/verwaltung/seiten/...)."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    send_from_directory,
    url_for,
)
from flask_babel import get_locale
from flask_login import current_user

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from . import services
from .defaults import EASY_LANGUAGE_SLUGS
from .forms import METHOD_LABELS, PageForm, StatementForm, VideoForm
from .models import SignLanguageVideo
from .permissions import can_edit_pages, can_manage_sign_videos

bp = Blueprint("bitv", __name__)
bp.add_app_template_global(can_edit_pages)
bp.add_app_template_global(can_manage_sign_videos)


@bp.app_template_global()
def page_edit_url(slug: str) -> str:
    """Where the officer edits `slug` in the language she is reading."""
    locale = _locale() if _locale() in services.page_locales(slug) else "de"
    return url_for("bitv.edit_page", path=services.EDIT_PATHS[slug], locale=locale)


def _locale() -> str:
    return str(get_locale() or "de")


def _page(slug: str, template: str = "bitv/page.html", **context: Any) -> str:
    shown = services.show_page(db.session, slug, _locale())
    return render_template(template, shown=shown, slug=slug,
                           page_title=shown.page.title, **context)


@bp.get("/")
def home():  # type: ignore[no-untyped-def]
    pages, videos = services.start_page(
        db.session, ("home", "home-easy-language", "home-sign-language"), _locale())
    return render_template(
        "bitv/home.html",
        shown=pages["home"],
        easy=pages["home-easy-language"],
        sign=pages["home-sign-language"],
        videos=videos,
    )


@bp.get("/leichte-sprache")
def easy_language():  # type: ignore[no-untyped-def]
    return _page("easy-language")


@bp.get("/gebaerdensprache")
def sign_language():  # type: ignore[no-untyped-def]
    return _page("sign-language", "bitv/sign_language.html",
                 videos=services.list_videos(db.session))


@bp.get("/impressum")
def imprint():  # type: ignore[no-untyped-def]
    return _page("imprint")


@bp.get("/datenschutz")
def privacy():  # type: ignore[no-untyped-def]
    return _page("privacy")


@bp.get("/barrierefreiheit")
def statement():  # type: ignore[no-untyped-def]
    statement = services.show_statement(db.session)
    parts = services.statement_parts(statement, _locale())
    return render_template(
        "bitv/statement.html", statement=statement, parts=parts,
        any_fallback=any(lang for _html, lang in parts.values()),
        method_label=METHOD_LABELS.get(statement.method, ""),
    )


@bp.get("/gebaerdensprache/video/<int:video_id>")
def video_file(video_id: int):  # type: ignore[no-untyped-def]
    video = db.session.get(SignLanguageVideo, video_id) or abort(404)
    folder = services.video_folder(current_app.config["UPLOAD_FOLDER"])
    response = send_from_directory(folder, video.stored_name, mimetype=video.mimetype,
                                   conditional=True, max_age=3600)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# --- the officer's pages -------------------------------------------------------------------

@bp.get("/verwaltung/seiten")
def manage():  # type: ignore[no-untyped-def]
    require(can_edit_pages(current_user))
    pages = {(page.slug, page.locale): page for page in services.all_pages(db.session)}
    return render_template("bitv/manage.html", pages=pages, paths=services.EDIT_PATHS,
                           page_labels=services.PAGE_LABELS, easy_slugs=EASY_LANGUAGE_SLUGS,
                           page_locales=services.page_locales,
                           statement=services.get_statement(db.session))


@bp.route("/verwaltung/seiten/<path>/<locale>", methods=["GET", "POST"])
def edit_page(path: str, locale: str):  # type: ignore[no-untyped-def]
    slug = services.SLUG_BY_PATH.get(path)
    if slug is None or locale not in services.page_locales(slug):
        abort(404)
    require(can_edit_pages(current_user))
    page = services.get_page(db.session, slug, locale)
    form = PageForm(obj=page, body=page.body_html if page else None)
    if slug not in EASY_LANGUAGE_SLUGS:
        del form.reviewed_by
        del form.reviewed_on
    if form.validate_on_submit():
        review = {"reviewed_by": form.reviewed_by.data, "reviewed_on": form.reviewed_on.data} \
            if slug in EASY_LANGUAGE_SLUGS else {}
        try:
            services.save_page(db.session, slug, locale, title=form.title.data or "",
                               body=form.body.data or "", actor=current_user, **review)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The changes have been saved."), "success")
            return redirect(_public_url(slug))
    return render_template("bitv/edit_page.html", form=form, slug=slug, locale=locale,
                           page_labels=services.PAGE_LABELS,
                           is_easy=slug in EASY_LANGUAGE_SLUGS, public_url=_public_url(slug))


def _public_url(slug: str) -> str:
    endpoint = {"easy-language": "bitv.easy_language", "sign-language": "bitv.sign_language",
                "imprint": "bitv.imprint", "privacy": "bitv.privacy"}.get(slug, "bitv.home")
    return url_for(endpoint)


@bp.route("/verwaltung/seiten/barrierefreiheit", methods=["GET", "POST"])
def edit_statement():  # type: ignore[no-untyped-def]
    require(can_edit_pages(current_user))
    statement = services.show_statement(db.session)
    form = StatementForm(data=_statement_data(statement))
    if form.validate_on_submit():
        facts = {name: form[name].data for name in
                 ("compliance_status", "prepared_on", "method", "last_reviewed_on")}
        texts = {locale: {part: form[f"{part.removesuffix('_html')}_{locale}"].data or ""
                          for part in services.STATEMENT_PARTS} for locale in ("de", "en")}
        try:
            services.save_statement(db.session, facts=facts, texts=texts, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The accessibility statement has been saved."), "success")
            return redirect(url_for("bitv.statement"))
    return render_template("bitv/edit_statement.html", form=form)


def _statement_data(statement: Any) -> dict[str, Any]:
    data = {name: getattr(statement, name) for name in
            ("compliance_status", "prepared_on", "method", "last_reviewed_on")}
    for text in statement.texts:
        for part in services.STATEMENT_PARTS:
            data[f"{part.removesuffix('_html')}_{text.locale}"] = getattr(text, part)
    return data


@bp.get("/verwaltung/seiten/videos")
def manage_videos():  # type: ignore[no-untyped-def]
    require(can_manage_sign_videos(current_user))
    return render_template("bitv/manage_videos.html", videos=services.list_videos(db.session))


@bp.route("/verwaltung/seiten/videos/neu", methods=["GET", "POST"])
def upload_video():  # type: ignore[no-untyped-def]
    require(can_manage_sign_videos(current_user))
    form = VideoForm()
    if form.validate_on_submit():
        assert form.kind is not None
        services.add_video(
            db.session, title=form.title.data or "", transcript=form.transcript.data or "",
            stream=form.video.data.stream, kind=form.kind,
            show_on_start_page=bool(form.show_on_start_page.data),
            upload_folder=current_app.config["UPLOAD_FOLDER"], actor=current_user,
        )
        db.session.commit()
        flash(_l("The video has been uploaded."), "success")
        return redirect(url_for("bitv.manage_videos"))
    return render_template("bitv/upload_video.html", form=form)


@bp.post("/verwaltung/seiten/videos/<int:video_id>/loeschen")
def delete_video(video_id: int):  # type: ignore[no-untyped-def]
    video = db.session.get(SignLanguageVideo, video_id) or abort(404)
    require(can_manage_sign_videos(current_user))
    if not ActionForm().validate_on_submit():
        abort(400)
    title = video.title
    stored_name = services.delete_video(db.session, video, actor=current_user)
    db.session.commit()
    (services.video_folder(current_app.config["UPLOAD_FOLDER"]) / stored_name).unlink(
        missing_ok=True)
    flash(_l("The video “%(title)s” has been deleted.", title=title), "success")
    return redirect(url_for("bitv.manage_videos"))
