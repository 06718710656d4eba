"""The editors' guide (docs/guide-redaction.md) inside the admin, with its screenshots: the
same file the repository shows, rendered with Python-Markdown, so the guide has one source."""

import re

import markdown
from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse

GUIDE = settings.BASE_DIR / "docs" / "guide-redaction.md"
SCREENSHOTS = GUIDE.parent / "img"
URL_NAME = "guide_redaction"
IMAGE_URL_NAME = "guide_redaction_image"
# A link to another document of docs/: technical, not served here; its text stays.
OTHER_DOCUMENT_LINK = re.compile(r'<a href="(?!https?:|#)[^"]*\.md(#[^"]*)?">(.*?)</a>')


def rendered_guide():
    """(title, HTML) of the guide; its first heading is the admin page's title."""
    text = GUIDE.read_text(encoding="utf-8")
    first_line, _, body = text.partition("\n")
    html = markdown.markdown(body, extensions=["tables", "toc"], output_format="html")
    return first_line.lstrip("# ").strip(), OTHER_DOCUMENT_LINK.sub(r"\2", html)


def guide(request):
    title, html = rendered_guide()
    return TemplateResponse(
        request,
        "aimf_portal/admin/guide.html",
        {"page_title": title, "header_title": title, "header_icon": "help", "guide_html": html},
    )


def guide_image(request, name):
    """A screenshot of the guide, by file name: only the PNG files of docs/img/."""
    path = SCREENSHOTS / name
    if "/" in name or path.suffix != ".png" or not path.is_file():
        raise Http404("Cette image du guide n'existe pas.")
    return FileResponse(path.open("rb"), content_type="image/png")
