"""Numbered pagination: the first and last pages, the current one ± 2, gaps marked."""

import pytest

from aimf_portal.listings.pagination import page_numbers


@pytest.mark.parametrize(
    ("current", "last", "shown"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (6, 20, [1, None, 4, 5, 6, 7, 8, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_the_numbers_shown(current, last, shown):
    assert page_numbers(current, last) == shown
