"""Full-text search over the public news, actions and publications, at /recherche/?q=….

The query is cut to MAX_QUERY_LENGTH characters before anything reads it, then reduced to its
words: quotes, parentheses, colons and the like are query syntax for SQLite's FTS5 (a lone `"`
is an error there) and mean nothing to a visitor. Words are lowercased so that FTS5 never reads
AND, OR, NOT or NEAR as operators. On PostgreSQL the backend uses the `french_unaccent`
configuration (stemming, accents ignored); on SQLite, FTS5 ignores accents but does not stem.

French stop words are dropped from the query on both backends. PostgreSQL's French list lacks
"les" (which it stems to "le" and keeps), so "les" alone matched nearly every item; its stop
lists can only be extended with a file on the database server, so the query is cleaned here.
A query of stop words only gets a French answer instead of results.

Results carry the country facet of the listings (aimf_portal.facets.CountryFacet), each kind's
counts summed: a count is what the visitor gets by ticking that country.
"""

import re
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from . import seo
from .facets import country_facet
from .pagination import paginate
from .site_cache import public
from .text import accent_insensitive_key

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 12
WORD = re.compile(r"\w+")
# PostgreSQL's French stop words (tsearch_data/french.stop), plus "les" and "a" (what "à"
# becomes once unaccented), compared without accents as the french_unaccent configuration does.
FRENCH_STOP_WORDS_TEXT = """
    a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me même
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
    ton tu un une vos votre vous c d j l à m n s t y été étée étées étés étant étante étants
    étantes suis es est sommes êtes sont serai seras sera serons serez seront serais serait
    serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois
    soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes
    ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais
    aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie
    aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent
"""
FRENCH_STOP_WORDS = frozenset(map(accent_insensitive_key, FRENCH_STOP_WORDS_TEXT.split()))


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

    def all_words(self):
        if not self.is_valid():
            return []
        # Each word once: repeating a word adds nothing but work.
        return list(dict.fromkeys(WORD.findall(self.cleaned_data["q"].lower())))

    def words(self):
        """The words worth searching for: stop words match nearly everything."""
        return [
            word
            for word in self.all_words()
            if accent_insensitive_key(word) not in FRENCH_STOP_WORDS
        ]


def search_results(words, pages=None):
    """The live, public items matching every word, best first, as base Page objects."""
    if pages is None:
        pages = public(Page.objects.live().type(*searchable_models()))
    return pages.search(" ".join(words), operator="and")


class CountryFilter:
    """The listings' country facet over one search's matches, whatever their kind."""

    def __init__(self, query_dict, query, words):
        self.facet = country_facet()
        self.models = searchable_models()
        self.ignored_input = self.facet.read(query_dict, self.facet.known_values(Page))
        self.query = query
        self.words = words

    def results(self):
        if not self.facet.selected:
            return search_results(self.words)
        selection = reduce(or_, (self.facet.selection_q(model) for model in self.models))
        pages = public(Page.objects.live().type(*self.models)).filter(selection)
        return search_results(self.words, pages)

    def options(self):
        """Each country with the number of matches tagged with it, all kinds together."""
        matching_pks = search_results(self.words).get_queryset().values("pk")
        merged = {}
        for model in self.models:
            for option in self.facet.options(model, model.objects.filter(pk__in=matching_pks)):
                if option.value in merged:
                    merged[option.value].count += option.count
                else:
                    merged[option.value] = option
        return sorted(merged.values(), key=lambda option: accent_insensitive_key(option.label))

    def url(self, countries):
        pairs = [("q", self.query), *((self.facet.parameter, value) for value in countries)]
        return f"/recherche/?{urlencode(pairs)}"

    def context(self):
        options = self.options()
        return {
            "country_options": options,
            "country_legend": self.facet.legend,
            "active_countries": [
                {
                    "label": option.label,
                    "remove_url": self.url(v for v in self.facet.selected if v != option.value),
                }
                for option in options
                if option.selected
            ],
            "all_countries_url": self.url([]),
            "ignored_input": self.ignored_input,
        }


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
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context = {
        "form": form,
        "query": query,
        "words": words,
        "only_stop_words": bool(form.all_words()) and not words,
        "was_truncated": form.was_truncated,
    }
    status = 200 if form.is_valid() else 400
    page_number = 1
    countries = []
    if words:
        country_filter = CountryFilter(request.GET, query, words)
        page_obj = paginate(request, country_filter.results(), RESULTS_PER_PAGE)
        context.update(
            country_filter.context(),
            page_obj=page_obj,
            results=with_card_data(page_obj.object_list),
        )
        page_number = page_obj.number
        countries = [active["label"] for active in context["active_countries"]]
    context["page_metadata"] = seo.for_search(request, query, countries, page_number)
    return TemplateResponse(request, "aimf_portal/search_results.html", context, status=status)
