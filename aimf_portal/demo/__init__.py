"""Demo content for `manage.py load_demo_content`: the texts, their generated media, bulk items.

`content` holds what a visitor reads, `media` draws the pictures and PDFs, `site` writes the
pages idempotently and `bulk` adds synthetic items for benchmarks.
"""
