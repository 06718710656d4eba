"""Wagtail tree paths for items written in bulk (demo volume, test fixtures), without
add_child's queries per page: treebeard's materialised path, from its public settings."""

from wagtail.models import Page


def step_code(number):
    """A path step: `number` in base 36 on `Page.steplen` characters."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    if len(digits) > Page.steplen:
        raise ValueError("Trop de pages sous une même page pour le chemin treebeard.")
    return digits.rjust(Page.steplen, Page.alphabet[0])


def first_free_step(parent):
    """The step after the last child of `parent`."""
    last_path = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last_path[-Page.steplen :], len(Page.alphabet)) + 1 if last_path else 1


def child_path(parent, step):
    return parent.path + step_code(step)
