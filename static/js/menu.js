// The header's themes menu is a <details>: it opens and closes without JavaScript. With it,
// Escape closes the open menu from anywhere inside it and gives the focus back to its button,
// as a menu button does (WAI-ARIA Authoring Practices, "Disclosure").
(function () {
    "use strict";
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        document.querySelectorAll("details.theme-nav__menu[open]").forEach(function (menu) {
            menu.open = false;
            menu.querySelector("summary").focus();
        });
    });
})();
