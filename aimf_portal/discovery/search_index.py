"""The two queries of a search, ranked, cut and counted in the database: the page of results
(ranked, then LIMIT and OFFSET) and one aggregated query for the number of results and each
country's count. A search never reads its matches into Python: its cost follows the page size
and the number of countries much more than the number of matches.

- PostgreSQL: the lean copy of Wagtail's index (documents.SearchDocument), with the
  `french_unaccent` configuration (stemming, accents ignored) and Wagtail's rank weights (a
  word in the title counts more than in the text).
- SQLite (development): Wagtail's FTS5 index. FTS5 ignores accents but does not stem, so each
  word is reduced by a French Snowball stemmer, the algorithm of PostgreSQL's `french`
  dictionary, and looked up as a prefix ("maire" and "maires" both find "mair*"); stems shorter
  than MIN_PREFIX_STEM are looked up as whole words ("hue" finds "Hué", not every "hu…").
  Results are ranked by bm25, titles first.
"""

import snowballstemmer
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import WEIGHTS_VALUES

from aimf_portal.caching.site_data import private_sections
from aimf_portal.discovery.documents import SearchDocument
from aimf_portal.items.models import item_models

MIN_PREFIX_STEM = 4
# bm25's weight of each column of Wagtail's FTS5 table (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 10.0)
FRENCH = snowballstemmer.stemmer("french")


def country_table():
    through = item_models()[0].countries.through
    return through._meta.get_field("tag").related_model._meta.db_table


class PostgresSearch:
    def __init__(self, words, countries):
        self.query = SearchQuery(" ".join(words), config=get_search_backend().config)
        private = Q(pk__in=[])
        for path, _depth in private_sections():
            private |= Q(path__startswith=path)
        self.matches = SearchDocument.objects.filter(vector=self.query).exclude(private)
        self.countries = countries

    def chosen(self):
        if not self.countries:
            return self.matches
        country = item_models()[0].countries.through._meta.get_field("tag").related_model
        chosen = country.objects.filter(slug__in=self.countries).values("pk")
        return self.matches.filter(countries__overlap=ArraySubquery(chosen))

    def ranked(self, offset, limit):
        rank = SearchRank(F("vector"), self.query, weights=WEIGHTS_VALUES)
        page = self.chosen().annotate(rank=rank).order_by("-rank", "-pk")[offset : offset + limit]
        return list(page.values_list("pk", "content_type_id"))

    def counts(self):
        # The matches are read once (MATERIALIZED), then counted by country and in all.
        matches, params = self.matches.values("countries").query.sql_with_params()
        chosen = "WHERE m.countries && ARRAY(SELECT id FROM {table} WHERE slug = ANY(%s))"
        sql = (
            f"WITH m AS MATERIALIZED ({matches}) "
            f"SELECT c.slug, COUNT(*) FROM m, unnest(m.countries) t(tag_id) "
            f"JOIN {country_table()} c ON c.id = t.tag_id GROUP BY c.slug "
            f"UNION ALL SELECT NULL, COUNT(*) FROM m "
            f"{chosen.format(table=country_table()) if self.countries else ''}"
        )
        return read_counts(sql, [*params, *([self.countries] if self.countries else [])])


class SqliteSearch:
    def __init__(self, words, countries, candidates):
        content_types = [
            ct.pk for ct in ContentType.objects.get_for_models(*item_models()).values()
        ]
        terms = []
        for word in words:
            stem = FRENCH.stemWord(word)
            term = f'"{stem}"*' if len(stem) >= MIN_PREFIX_STEM else f'"{word}"'
            terms.append(f"{{title body}} : {term}")
        self.match = (
            "SELECT CAST(e.object_id AS INTEGER) AS page_id, e.content_type_id, "
            "bm25(wagtailsearch_indexentry_fts, %s, %s, %s) AS score "
            "FROM wagtailsearch_indexentry_fts "
            "JOIN wagtailsearch_indexentry e ON e.id = wagtailsearch_indexentry_fts.rowid "
            "WHERE wagtailsearch_indexentry_fts MATCH %s "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
        )
        self.match_params = [*SQLITE_COLUMN_WEIGHTS, " AND ".join(terms), *content_types]
        self.candidates = candidates
        self.countries = countries

    def pages(self, chosen_only):
        pages = self.candidates
        if chosen_only and self.countries:
            kinds = Q()
            for model in item_models():
                tagged = model.countries.through.objects.filter(tag__slug__in=self.countries)
                kinds |= Q(pk__in=tagged.values("content_object_id"))
            pages = pages.filter(kinds)
        sql, params = pages.order_by().values("pk").query.sql_with_params()
        return sql, list(params)

    def ranked(self, offset, limit):
        pages, params = self.pages(chosen_only=True)
        sql = (
            f"SELECT m.page_id, m.content_type_id FROM ({self.match}) m WHERE m.page_id IN "
            f"({pages}) ORDER BY m.score, m.page_id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.match_params, *params, limit, offset])
            return cursor.fetchall()

    def counts(self):
        pages, params = self.pages(chosen_only=False)
        chosen, chosen_params = self.pages(chosen_only=True)
        tagged = " UNION ALL ".join(
            f"SELECT content_object_id, tag_id FROM {model.countries.through._meta.db_table}"
            for model in item_models()
        )
        sql = (
            f"WITH m AS MATERIALIZED (SELECT page_id FROM ({self.match}) x "
            f"WHERE page_id IN ({pages})) "
            f"SELECT c.slug, COUNT(*) FROM ({tagged}) t JOIN m ON m.page_id = t.content_object_id "
            f"JOIN {country_table()} c ON c.id = t.tag_id GROUP BY c.slug "
            f"UNION ALL SELECT NULL, COUNT(*) FROM m WHERE m.page_id IN ({chosen})"
        )
        return read_counts(sql, [*self.match_params, *params, *chosen_params])


def read_counts(sql, params):
    """(the number of results, {country slug: count}) from rows (slug, n), the total's slug NULL."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = next(n for slug, n in rows if slug is None)
    return total, {slug: n for slug, n in rows if slug is not None}


def search_for(words, countries, candidates):
    """The search of the live, public items (`candidates`) matching every word, narrowed to the
    items of the selected countries (slugs) if any."""
    if connection.vendor == "postgresql":
        return PostgresSearch(words, countries)
    return SqliteSearch(words, countries, candidates)
