"""What the keyboard and layout tests read from the page, through the DevTools protocol (the
page's Content-Security-Policy forbids the eval behind Playwright's wait_for_function)."""

# How an element is named in assertions: its id, or its tag and classes ("a.site-logo").
ELEMENT_NAME = """const nameOf = element => element.id
    ? `#${element.id}`
    : `${element.tagName.toLowerCase()}.${element.className}`;"""

DESCRIBE_FOCUS = f"""() => {{
    {ELEMENT_NAME}
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {{
        name: nameOf(element),
        outline: parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== "none",
        boxShadow: style.boxShadow !== "none",
        onScreen: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
            && box.left < innerWidth,
    }};
}}"""

FOCUSABLE_IN = f"""selector => {{
    {ELEMENT_NAME}
    const candidates = document.querySelector(selector).querySelectorAll(
        "a[href], button, input:not([type=hidden]), select, textarea, summary"
    );
    return [...candidates]
        .filter(element => element.checkVisibility() && element.tabIndex >= 0)
        .map(nameOf);
}}"""

HORIZONTAL_OVERFLOW = (
    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
)

# Text cut off by a box that hides its overflow; visually hidden helpers clip on purpose.
CLIPPED_TEXT = f"""() => {{
    {ELEMENT_NAME}
    const hidesOverflow = element => {{
        const style = getComputedStyle(element);
        return /hidden|clip/.test(style.overflowX + style.overflowY);
    }};
    const onPurpose = element => element.closest(".visually-hidden, [aria-hidden=true]");
    const overflows = element => element.scrollWidth > element.clientWidth + 1
        || element.scrollHeight > element.clientHeight + 1;
    return [...document.querySelectorAll("body *")]
        .filter(element => hidesOverflow(element) && !onPurpose(element))
        .filter(element => element.checkVisibility() && overflows(element))
        .map(nameOf);
}}"""


def tab_through(page, count):
    """Press Tab `count` times; what got the focus each time, and how it shows."""
    focused = []
    for _ in range(count):
        page.keyboard.press("Tab")
        focused.append(page.evaluate(DESCRIBE_FOCUS))
    return focused


def visibly_focused(focus):
    return focus["onScreen"] and (focus["outline"] or focus["boxShadow"])
