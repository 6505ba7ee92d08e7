"""The dashboard's assets: Jinja2 templates (``templates/``) and static files (``static/``).

``static/vendor/`` and ``static/basemap/`` are vendored from the npm registry by ``build.sh``
(versions and licences in ``static/VENDOR.md``); the app in :mod:`warlog.api` serves them.
"""
