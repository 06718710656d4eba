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

A search reads Wagtail's index once: the ids of every match, best first, from which the page of
results, the count and the country counts are taken. On PostgreSQL that read is our own query
on Wagtail's index table: Wagtail's backend matches `title || body`, a concatenation no index
can serve, so each of its queries scanned the whole table (70–100 ms at 30,000 items, five
times a page). Each word is looked up in the title's and the body's GIN index instead (a word
is in the concatenation exactly when it is in one of them), and matches are ranked as Wagtail
ranks them: ts_rank of the title, weighted by its norm, plus that of the body.
"""

import re
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import WEIGHTS_VALUES
from wagtail.search.models import IndexEntry

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


def search_matches(words, pages=None):
    """(page id, content type id) of the live, public items matching every word, best first."""
    if pages is None:
        pages = public(Page.objects.live().type(*searchable_models()))
    if connections[pages.db].vendor == "postgresql":
        return postgresql_matches(words, pages)
    results = pages.search(" ".join(words), operator="and")
    return list(results.get_queryset().values_list("pk", "content_type_id"))


def postgresql_matches(words, pages):
    config = get_search_backend().config
    every_word = Q()
    for word in words:
        word_query = SearchQuery(word, config=config, search_type="plain")
        every_word &= Q(title=word_query) | Q(body=word_query)
    all_words = SearchQuery(" ".join(words), config=config, search_type="plain")
    rank = SearchRank(F("title"), all_words, weights=WEIGHTS_VALUES) * F("title_norm")
    rank += SearchRank(F("body"), all_words, weights=WEIGHTS_VALUES)
    content_types = ContentType.objects.get_for_models(*searchable_models()).values()
    return list(
        IndexEntry.objects.filter(every_word, content_type__in=content_types)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .filter(page_id__in=pages.values("pk"))
        .order_by(rank.desc(), "-page_id")
        .values_list("page_id", "content_type_id")
    )


def model_of(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


class CountryFilter:
    """The listings' country facet over one search's matches, whatever their kind."""

    def __init__(self, query_dict, query, words):
        self.facet = country_facet()
        self.models = searchable_models()
        self.ignored_input = self.facet.read(query_dict, self.facet.known_values(Page))
        self.query = query
        self.words = words

    @cached_property
    def all_matches(self):
        return search_matches(self.words)

    def results(self):
        if not self.facet.selected:
            return self.all_matches
        selection = reduce(or_, (self.facet.selection_q(model) for model in self.models))
        pages = public(Page.objects.live().type(*self.models)).filter(selection)
        return search_matches(self.words, pages)

    def options(self):
        """Each country with the number of matches tagged with it, all kinds together."""
        ids_by_model = {model: [] for model in self.models}
        for page_id, content_type_id in self.all_matches:
            ids_by_model[model_of(content_type_id)].append(page_id)
        merged = {}
        for model, ids in ids_by_model.items():
            for option in self.facet.options(model, model.objects.filter(pk__in=ids)):
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


def with_card_data(matches):
    """The specific items of one page of matches, in the same order, with what cards show."""
    ids_by_model = {}
    for page_id, content_type_id in matches:
        ids_by_model.setdefault(model_of(content_type_id), []).append(page_id)
    specific = {}
    for model, ids in ids_by_model.items():
        for item in model.with_card_data(model.objects.filter(pk__in=ids)):
            specific[item.pk] = item
    return [
        {"item": specific[page_id], "kind": type(specific[page_id])._meta.verbose_name}
        for page_id, _content_type_id in matches
        if page_id in specific
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
