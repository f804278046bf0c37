"""The reference for `make bench`: a plain Flask hello-world app, served the same way as the
platform (gunicorn, 2 sync workers). Every page's figures are given as a ratio to this one."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, World!"
