"""Queries on Wagtail's search index that rank, cut and count in the database.

A search never reads its matches into Python: one query returns the page of results (ranked,
then LIMIT and OFFSET), one aggregated query the number of results and each country's count.
Their cost follows the page size and the number of countries, not the number of matches.

- PostgreSQL: Wagtail's backend matches `title || body` with the `french_unaccent`
  configuration (stemming, accents ignored). Migration 0012 gives that expression its own GIN
  index, so a word matching a few items reads only those, and ranks as Wagtail does (ts_rank
  with its weights: a word in the title counts more than in the text).
- SQLite (development): FTS5 ignores accents but does not stem, so each word is reduced by a
  French Snowball stemmer, the same algorithm PostgreSQL's `french` dictionary runs, and looked
  up as a prefix ("maire" and "maires" both find "mair*"); results are ranked by bm25, title
  first. Stems shorter than MIN_PREFIX_STEM are looked up as whole words ("hue" finds "Hué",
  not every word starting with "hu").
"""

import snowballstemmer
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import WEIGHTS_VALUES

from aimf_portal.items.models import item_models

MIN_PREFIX_STEM = 4
# bm25's weight of each FTS5 column (autocomplete, title, body): titles first.
SQLITE_COLUMN_WEIGHTS = (0.0, 10.0, 1.0)
FRENCH = snowballstemmer.stemmer("french")


def sqlite_match_expression(words):
    """An FTS5 query for every word: its stem as a prefix, in the title or the body."""
    terms = []
    for word in words:
        stem = FRENCH.stemWord(word)
        term = f'"{stem}"*' if len(stem) >= MIN_PREFIX_STEM else f'"{word}"'
        terms.append(f"{{title body}} : {term}")
    return " AND ".join(terms)


def match_sql(words, using):
    """SQL giving (page_id, content_type_id, score) for the items matching every word; the
    lower the score, the better."""
    content_types = [ct.pk for ct in ContentType.objects.get_for_models(*item_models()).values()]
    placeholders = ", ".join(["%s"] * len(content_types))
    if connections[using].vendor == "postgresql":
        config = get_search_backend().config
        weights = "{" + ",".join(map(str, WEIGHTS_VALUES)) + "}"
        sql = (
            "SELECT CAST(e.object_id AS INTEGER) AS page_id, e.content_type_id, "
            "-ts_rank(%s::real[], e.title || e.body, plainto_tsquery(%s::regconfig, %s)) AS score "
            "FROM wagtailsearch_indexentry e "
            "WHERE (e.title || e.body) @@ plainto_tsquery(%s::regconfig, %s) "
            f"AND e.content_type_id IN ({placeholders})"
        )
        query = " ".join(words)
        return sql, [weights, config, query, config, query, *content_types]
    sql = (
        "SELECT CAST(e.object_id AS INTEGER) AS page_id, e.content_type_id, "
        "bm25(wagtailsearch_indexentry_fts, %s, %s, %s) AS score "
        "FROM wagtailsearch_indexentry_fts "
        "JOIN wagtailsearch_indexentry e ON e.id = wagtailsearch_indexentry_fts.rowid "
        "WHERE wagtailsearch_indexentry_fts MATCH %s "
        f"AND e.content_type_id IN ({placeholders})"
    )
    return sql, [*SQLITE_COLUMN_WEIGHTS, sqlite_match_expression(words), *content_types]


def ids_sql(queryset):
    sql, params = queryset.values("pk").query.sql_with_params()
    return sql, list(params)


def ranked(words, candidates, offset, limit):
    """[(page_id, content_type_id)] of the best matches among the candidate pages."""
    match, match_params = match_sql(words, candidates.db)
    pages, page_params = ids_sql(candidates)
    sql = (
        f"SELECT m.page_id, m.content_type_id FROM ({match}) m WHERE m.page_id IN ({pages}) "
        "ORDER BY m.score, m.page_id DESC LIMIT %s OFFSET %s"
    )
    with connections[candidates.db].cursor() as cursor:
        cursor.execute(sql, [*match_params, *page_params, limit, offset])
        return cursor.fetchall()


def counts(words, candidates, narrowed):
    """(the number of matches among `narrowed`, {country slug: matches among `candidates`
    tagged with it}) in one aggregated query."""
    match, match_params = match_sql(words, candidates.db)
    pages, page_params = ids_sql(candidates)
    chosen, chosen_params = ids_sql(narrowed)
    throughs = [model.countries.through for model in item_models()]
    tagged = " UNION ALL ".join(
        f"SELECT content_object_id, tag_id FROM {through._meta.db_table}" for through in throughs
    )
    country_table = throughs[0]._meta.get_field("tag").related_model._meta.db_table
    sql = (
        f"WITH m AS MATERIALIZED (SELECT page_id FROM ({match}) x WHERE page_id IN ({pages})) "
        f"SELECT c.slug, COUNT(*) FROM ({tagged}) t JOIN m ON m.page_id = t.content_object_id "
        f"JOIN {country_table} c ON c.id = t.tag_id GROUP BY c.slug "
        f"UNION ALL SELECT NULL, COUNT(*) FROM m WHERE m.page_id IN ({chosen})"
    )
    with connections[candidates.db].cursor() as cursor:
        cursor.execute(sql, [*match_params, *page_params, *chosen_params])
        rows = cursor.fetchall()
    return next(n for slug, n in rows if slug is None), {
        slug: n for slug, n in rows if slug is not None
    }
