"""What the discovery tests share."""

from wagtail.search import index

from aimf_portal.discovery import documents

# A title that would close a <script> element if a JSON-LD block or a template let it through.
HOSTILE_TITLE = "</script><script>alert(1)</script>"


def indexed(page):
    """The page indexed again once its countries exist (the factory adds them after saving),
    as publishing it would."""
    index.insert_or_update_object(page)
    documents.refresh(page) if documents.enabled() else None
    return page
