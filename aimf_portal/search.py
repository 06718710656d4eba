"""Full-text search over the public news, actions and publications, at /recherche/?q=….

The query is cut to MAX_QUERY_LENGTH characters before anything reads it, then reduced to its
words: quotes, parentheses, colons and the like are query syntax for SQLite's FTS5 (a lone `"`
is an error there) and mean nothing to a visitor. Words are lowercased so that FTS5 never reads
AND, OR, NOT or NEAR as operators. On PostgreSQL the backend uses the `french_unaccent`
configuration (stemming, accents ignored); on SQLite, FTS5 ignores accents but does not stem.
"""

import re

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from .pagination import paginate
from .site_cache import public

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 12
WORD = re.compile(r"\w+")


def searchable_models():
    from .models import ThemePage

    return ThemePage.item_models()


class SearchForm(forms.Form):
    q = forms.CharField(label="Rechercher sur le site", required=False)

    def __init__(self, data):
        raw = data.get("q", "")
        self.was_truncated = len(raw) > MAX_QUERY_LENGTH
        if self.was_truncated:
            # Cut at the last space when there is one: a word cut in half would match nothing.
            raw = raw[:MAX_QUERY_LENGTH]
            head, space, _cut_word = raw.rpartition(" ")
            if space and len(head) >= MAX_QUERY_LENGTH // 2:
                raw = head
        super().__init__({"q": raw})

    def words(self):
        if not self.is_valid():
            return []
        # Each word once: repeating a word adds nothing but work.
        return list(dict.fromkeys(WORD.findall(self.cleaned_data["q"].lower())))


def search_results(words):
    """The live, public items matching every word, best first, as base Page objects."""
    models = searchable_models()
    pages = public(Page.objects.live().type(*models))
    return pages.search(" ".join(words), operator="and")


def with_card_data(pages):
    """The specific items of one page of results, in the same order, with what cards show."""
    ids_by_model = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        ids_by_model.setdefault(model, []).append(page.pk)
    specific = {}
    for model, ids in ids_by_model.items():
        for item in model.with_card_data(model.objects.filter(pk__in=ids)):
            specific[item.pk] = item
    return [
        {"item": specific[page.pk], "kind": type(specific[page.pk])._meta.verbose_name}
        for page in pages
        if page.pk in specific
    ]


@never_cache
def search(request):
    form = SearchForm(request.GET)
    words = form.words()
    context = {
        "form": form,
        "query": form.cleaned_data["q"].strip() if form.is_valid() else "",
        "words": words,
        "was_truncated": form.was_truncated,
    }
    status = 200 if form.is_valid() else 400
    if words:
        page_obj = paginate(request, search_results(words), RESULTS_PER_PAGE)
        context.update(page_obj=page_obj, results=with_card_data(page_obj.object_list))
    return TemplateResponse(request, "aimf_portal/search_results.html", context, status=status)
