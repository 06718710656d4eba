"""A listing's items and facet values as bitmaps, so that any filter combination is counted and
paged without a query.

A listing of N items keeps their ids in listing order (an array of N integers) and, for each
facet value, a bitmap of N bits: bit i is set when the i-th item has the value. A selection is
then the AND, across facets, of the OR of the ticked values' bitmaps; a facet's counts are the
population counts of each value's bitmap ANDed with the selection of the other facets; a page of
results is the ids at the selection's k-th to (k + n)-th set bits. At 30,000 items a bitmap is
about 4 KB and each of these operations takes microseconds, whatever the combination.

Python's integers are the bitmaps: `&`, `|` and `int.bit_count()` run in C over whole words.
"""

from array import array
from dataclasses import dataclass, field

# Bits examined at a time when looking for the k-th set bit: counted in one step, then
# skipped whole when the k-th lies further.
CHUNK_BITS = 4096


def bitmap(positions, size):
    """The integer whose bits at `positions` (each below `size`) are set."""
    flags = bytearray((size + 7) // 8)
    for position in positions:
        flags[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(flags, "little")


def set_positions(bits, start, stop):
    """The positions of the set bits of `bits` from the start-th to the stop-th (excluded),
    counting set bits from the lowest."""
    found, seen, offset = [], 0, 0
    mask = (1 << CHUNK_BITS) - 1
    while bits and seen < stop:
        chunk = bits & mask
        in_chunk = chunk.bit_count()
        if seen + in_chunk <= start:
            seen += in_chunk
        else:
            while chunk and seen < stop:
                lowest = chunk & -chunk
                if seen >= start:
                    found.append(offset + lowest.bit_length() - 1)
                seen += 1
                chunk ^= lowest
        bits >>= CHUNK_BITS
        offset += CHUNK_BITS
    return found


@dataclass
class FacetIndex:
    """The ids of a listing's items in order, and {facet parameter: {value: bitmap}}."""

    pks: array
    bitmaps: dict = field(default_factory=dict)

    @classmethod
    def build(cls, model, scope, facets):
        """The index of `scope` (a queryset of `model`): one query for the ordered ids, one per
        facet for its (id, value) pairs."""
        pks = array("q", model.with_card_data(scope).values_list("pk", flat=True))
        position = {pk: index for index, pk in enumerate(pks)}
        bitmaps = {}
        for facet in facets:
            by_value = {}
            for pk, value in facet.item_values(model, scope):
                if pk in position:
                    by_value.setdefault(value, []).append(position[pk])
            bitmaps[facet.parameter] = {
                value: bitmap(positions, len(pks)) for value, positions in by_value.items()
            }
        return cls(pks, bitmaps)

    @property
    def everything(self):
        return (1 << len(self.pks)) - 1

    def matching(self, selection, except_facet=None):
        """The bitmap of the items kept by `selection` ({facet: values}), one facet ignored."""
        bits = self.everything
        for facet, values in selection.items():
            if facet is not except_facet:
                by_value = self.bitmaps[facet.parameter]
                ticked = 0
                for value in values:
                    ticked |= by_value.get(value, 0)
                bits &= ticked
        return bits

    def counts(self, facet, bits):
        """{value: number of the items in `bits` having it}, for the values some item has."""
        by_value = self.bitmaps[facet.parameter]
        return {value: (value_bits & bits).bit_count() for value, value_bits in by_value.items()}

    def pks_between(self, bits, start, stop):
        """The ids of the start-th to the stop-th (excluded) items of `bits`, in listing order."""
        return [self.pks[position] for position in set_positions(bits, start, stop)]
