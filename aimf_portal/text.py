"""Text helpers for French content."""

import unicodedata


def accent_insensitive_key(text):
    """Sort French names as a reader expects: "Bénin" between "Belgique" and "Burkina Faso"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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
