"""One pagination rule for every listing: a page that does not exist is a 404, never a 500."""

from django.core.paginator import InvalidPage, Paginator

from aimf_portal.operations.error_pages import PublicNotFound

PAGE_PARAMETER = "page"


def paginate(request, queryset, per_page):
    raw_number = request.GET.get(PAGE_PARAMETER, "1")
    try:
        number = int(raw_number)
    except ValueError:
        raise PublicNotFound("Le numéro de page doit être un nombre entier.") from None
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number)
    except InvalidPage:
        raise PublicNotFound("Cette page de résultats n'existe pas.") from None
