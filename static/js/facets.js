// Progressive enhancement of the facet forms. Without JavaScript the form's button reloads the
// page; with it, each tick fetches the filtered page, swaps the regions marked data-facet-swap,
// updates the live status text in place (so screen readers announce it), keeps focus on the box
// that was ticked and records the address, so the back button and shared links keep working.
(function () {
    "use strict";
    if (!("fetch" in window) || !("DOMParser" in window) || !("URLSearchParams" in window)) {
        return;
    }

    var pendingRequest = null;

    function addressFor(form) {
        var address = new URL(form.getAttribute("action") || "", window.location.href);
        address.search = new URLSearchParams(new FormData(form)).toString();
        return address.toString();
    }

    function swapRegions(newDocument) {
        document.querySelectorAll("[data-facet-swap]").forEach(function (region) {
            var replacement = newDocument.getElementById(region.id);
            if (replacement) {
                region.replaceWith(document.importNode(replacement, true));
            }
        });
        document.querySelectorAll("[data-facet-status]").forEach(function (status) {
            var replacement = newDocument.getElementById(status.id);
            if (replacement && replacement.textContent !== status.textContent) {
                status.textContent = replacement.textContent;
            }
        });
        document.title = newDocument.title;
    }

    function load(address, recordInHistory) {
        if (pendingRequest) {
            pendingRequest.abort();
        }
        pendingRequest = new AbortController();
        var focusedId = document.activeElement ? document.activeElement.id : "";
        document.documentElement.classList.add("facets-loading");
        fetch(address, { signal: pendingRequest.signal, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                swapRegions(new DOMParser().parseFromString(html, "text/html"));
                if (recordInHistory) {
                    window.history.pushState({ facets: true }, "", address);
                }
                var focused = focusedId && document.getElementById(focusedId);
                if (focused) {
                    focused.focus();
                }
                enhanceForms();
            })
            .catch(function (error) {
                if (error.name !== "AbortError") {
                    window.location.assign(address);
                }
            })
            .finally(function () {
                document.documentElement.classList.remove("facets-loading");
            });
    }

    function enhanceForms() {
        document.querySelectorAll("form[data-facet-form]:not([data-enhanced])").forEach(function (form) {
            form.setAttribute("data-enhanced", "");
            form.addEventListener("change", function () {
                load(addressFor(form), true);
            });
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                load(addressFor(form), true);
            });
        });
    }

    window.history.replaceState({ facets: true }, "", window.location.href);
    window.addEventListener("popstate", function (event) {
        if (event.state && event.state.facets) {
            load(window.location.href, false);
        }
    });
    document.documentElement.classList.add("js-facets");
    enhanceForms();
})();
