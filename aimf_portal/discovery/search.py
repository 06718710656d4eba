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

Results carry the country facet of the listings (listings.facets.CountryFacet), each kind's
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

from django import forms
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from aimf_portal.caching.site_data import public
from aimf_portal.discovery import search_index, seo
from aimf_portal.discovery.suggestions import suggestion
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.models import item_models
from aimf_portal.listings.cards import ranked_cards
from aimf_portal.listings.facets import country_facet
from aimf_portal.listings.listing import FacetSelection

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


class RankedMatches:
    """One search's results as the paginator reads them: counted and ranked in the database,
    one page at a time."""

    def __init__(self, search, total):
        self.search, self.total = search, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, page):
        return self.search.ranked(page.start, page.stop - page.start)


class SearchListing(FacetSelection):
    """The listings' country facet over one search's matches, whatever their kind: a count is
    what the visitor gets by ticking that country, every kind together."""

    def __init__(self, query_dict, query, words):
        models = item_models()
        super().__init__(models[0], query_dict, facets=[country_facet], fixed_pairs=[("q", query)])
        countries = self.form.selection.get(self.facets[0], [])
        pages = public(Page.objects.live().type(*models))
        search = search_index.search_for(words, countries, pages)
        self.total, self.country_counts = search.counts()
        self.matches = RankedMatches(search, self.total)

    def counts(self, facet):
        return self.country_counts


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
        listing = SearchListing(request.GET, query, words)
        context.update(listing.paginated_context(request, listing.matches, RESULTS_PER_PAGE))
        context["results"] = ranked_cards(request, context["page_obj"].object_list)
        if not listing.total and not listing.is_filtered:
            context["suggestion"] = suggestion(words)
        page_number = context["page_obj"].number
        countries = [active["label"] for active in context["active_filters"]]
    context["page_metadata"] = seo.for_search(request, query, countries, page_number)
    return TemplateResponse(request, "aimf_portal/search_results.html", context, status=status)
