// Footer newsletter form: submits in place. The page around it may come from a cache, so it
// carries no CSRF token; one is fetched just before posting. Whenever something unexpected
// happens, the form is submitted the ordinary way, which works without JavaScript.
(() => {
    const form = document.querySelector("form[data-newsletter-signup]");
    if (!form || !window.fetch) {
        return;
    }
    const status = form.querySelector("[data-newsletter-status]");
    const submitButton = form.querySelector("[type=submit]");

    function clearErrors() {
        form.querySelectorAll("[data-newsletter-error]").forEach((error) => error.remove());
        form.querySelectorAll("[aria-invalid]").forEach((field) => {
            field.removeAttribute("aria-invalid");
            field.removeAttribute("aria-describedby");
        });
        status.replaceChildren();
    }

    function showFieldError(field, messages) {
        const list = document.createElement("ul");
        list.className = "errorlist";
        list.id = `${field.id}_error`;
        list.dataset.newsletterError = "";
        messages.forEach((message) => {
            const item = document.createElement("li");
            item.textContent = message;
            list.append(item);
        });
        field.before(list);
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", list.id);
    }

    function showErrors(errors) {
        const general = [];
        let firstInvalid = null;
        Object.entries(errors).forEach(([name, messages]) => {
            const field = form.elements.namedItem(name);
            if (field instanceof HTMLInputElement && field.type !== "hidden" && field.id) {
                showFieldError(field, messages);
                firstInvalid = firstInvalid || field;
            } else {
                general.push(...messages);
            }
        });
        status.textContent = general.join(" ");
        if (firstInvalid) {
            firstInvalid.focus();
        }
    }

    function showMessage(result) {
        status.textContent = result.message;
        if (result.link) {
            const link = document.createElement("a");
            link.href = result.link.url;
            link.textContent = result.link.label;
            status.append(" ", link);
        }
    }

    async function post() {
        const tokenResponse = await fetch(form.dataset.tokenUrl, {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        });
        const { csrfToken } = await tokenResponse.json();
        return fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { Accept: "application/json", "X-CSRFToken": csrfToken },
        });
    }

    // Not `disabled`: disabling the focused button would throw the keyboard focus away.
    let sending = false;

    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (sending) {
            return;
        }
        sending = true;
        submitButton.setAttribute("aria-disabled", "true");
        clearErrors();
        status.textContent = "Envoi en cours…";
        try {
            const response = await post();
            if (response.status === 403 || !response.headers.get("Content-Type")?.includes("json")) {
                throw new Error(`Réponse inattendue : ${response.status}`);
            }
            const result = await response.json();
            if (result.errors) {
                showErrors(result.errors);
            } else {
                showMessage(result);
                if (response.ok) {
                    form.reset();
                }
            }
        } catch {
            // Network trouble, cookies refused, a proxy's error page: let the server take over.
            form.submit();
        } finally {
            sending = false;
            submitButton.removeAttribute("aria-disabled");
        }
    });
})();
