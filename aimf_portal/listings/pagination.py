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


# Pages named around the current one, besides the first and the last.
PAGES_AROUND_CURRENT = 2


def page_numbers(current, last, around=PAGES_AROUND_CURRENT):
    """The numbers a pagination shows: the first, the last, current ± around, and None where
    numbers are left out. A single left-out number is shown instead (it takes no more room)."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    numbers = []
    for number in shown:
        if numbers:
            skipped = number - numbers[-1] - 1
            if skipped == 1:
                numbers.append(number - 1)
            elif skipped > 1:
                numbers.append(None)
        numbers.append(number)
    return numbers


def pagination_links(page_obj, querystring):
    """Previous, next and numbered links of a page of results; querystring(n) is the canonical
    query of page n (the listing's selection, never the raw address)."""
    current, last = page_obj.number, page_obj.paginator.num_pages

    def link(number):
        return {"number": number, "querystring": querystring(number), "current": number == current}

    numbers = page_numbers(current, last)
    return {
        "previous": link(current - 1) if page_obj.has_previous() else None,
        "next": link(current + 1) if page_obj.has_next() else None,
        "pages": [link(number) if number else None for number in numbers],
    }
