# The map's pictures, saved in docs/img/ beside the guide's own by test_map_browser.py (the
# guide's screenshot test, which checks that nothing stale lies there, knows them from here).
MAP_WIDTHS = (360, 1280)
MAP_PICTURES = tuple(f"carte-actions-{width}.png" for width in MAP_WIDTHS)
