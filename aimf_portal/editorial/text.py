"""Text helpers for French content."""

import unicodedata


def accent_insensitive_key(text):
    """Sort French names as a reader expects: "Bénin" between "Belgique" and "Burkina Faso"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def with_de(noun):
    """ "de" before a noun, elided before a vowel or a mute h: "d'actualités", "de publications"."""
    first = accent_insensitive_key(noun[:1])
    return f"d'{noun}" if first in "aeiouyh" else f"de {noun}"


def truncate_at_word(text, max_length):
    """Cut text to at most max_length characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= max_length:
        return text
    cut = text[: max_length - 1]
    word_ends_at_cut = text[max_length - 1] == " "
    if not word_ends_at_cut and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"
