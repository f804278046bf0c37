"""Mail has no pages of its own yet; the blueprint exists for its templates and future views."""

from flask import Blueprint

bp = Blueprint("mail", __name__)
