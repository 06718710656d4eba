"""« Essayez plutôt : … » when a search finds nothing: each word of the query replaced by the
closest word of the items' titles or of the countries' names, by trigram similarity (the
measure of PostgreSQL's pg_trgm, computed here the same way on both databases, accents aside).

The vocabulary is read once and cached with the site's data for a day: a word published since
is suggested at the latest the next day.
"""

from wagtail.models import Page

from aimf_portal.caching.site_data import cached, public
from aimf_portal.editorial.text import accent_insensitive_key
from aimf_portal.items.models import Country, item_models

MIN_SIMILARITY = 0.3  # pg_trgm's default threshold
MIN_WORD_LENGTH = 3


def trigrams(word):
    padded = f"  {word} "
    return {padded[start : start + 3] for start in range(len(padded) - 2)}


def similarity(first, second):
    first, second = trigrams(first), trigrams(second)
    return len(first & second) / len(first | second)


def build_vocabulary():
    """{word without accents: the word as written}, from the live items' titles and countries."""
    titles = public(Page.objects.live().type(*item_models())).values_list("title", flat=True)
    texts = [*titles, *Country.objects.values_list("name", flat=True)]
    words = {}
    for text in texts:
        for word in text.replace("’", " ").replace("'", " ").split():
            word = word.strip('.,;:!?«»()"').lower()
            if len(word) >= MIN_WORD_LENGTH and word.isalpha():
                words.setdefault(accent_insensitive_key(word), word)
    return words


def closest(word, vocabulary):
    key = accent_insensitive_key(word)
    if key in vocabulary:
        return vocabulary[key]
    scored = ((similarity(key, known), known) for known in vocabulary)
    best_score, best = max(scored, default=(0, None))
    return vocabulary[best] if best_score >= MIN_SIMILARITY else None


def suggestion(words):
    """The query with each word replaced by its closest known word, or None if nothing changes
    or a word has no close match."""
    vocabulary = cached("search-vocabulary", build_vocabulary)
    replaced = [closest(word, vocabulary) for word in words]
    if None in replaced or [accent_insensitive_key(w) for w in replaced] == [
        accent_insensitive_key(w) for w in words
    ]:
        return None
    return " ".join(replaced)
