/*
 * Partial page updates without inline script. Mojarra 4.0 renders f:ajax as inline event handlers, which the
 * Content-Security-Policy (script-src 'self') blocks; so an input inside an element with data-ajax-render="id ..."
 * sends the same Faces ajax request from here on change: it executes the input and re-renders those ids.
 */
(function () {
    "use strict";

    document.addEventListener("change", function (event) {
        var input = event.target;
        var area = input.closest ? input.closest("[data-ajax-render]") : null;
        if (!area || !input.name || !window.faces || !input.form) {
            return;
        }
        // the input's name is its client id (a radio button's id has the item index appended)
        faces.ajax.request(input, event, {execute: input.name, render: area.getAttribute("data-ajax-render")});
    });

    // "Advanced" starts closed, but not when it holds a value or an error the admin must see
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("details.advanced").forEach(function (details) {
            var filled = Array.prototype.some.call(details.querySelectorAll("textarea"), function (area) {
                return area.value.trim() !== "";
            });
            if (filled || details.querySelector(".field-error")) {
                details.open = true;
            }
        });
    });

    if (window.faces) {
        // aria-busy while a partial update runs: screen readers wait for it, and so do the browser tests
        faces.ajax.addOnEvent(function (data) {
            if (data.status === "begin") {
                document.body.setAttribute("aria-busy", "true");
            } else if (data.status === "success") {
                document.body.removeAttribute("aria-busy");
            }
        });
        // Production stage reports ajax errors nowhere. An expired view, or a session that ended (the answer is
        // then the login page, not a partial response), is reloaded instead of silently doing nothing.
        faces.ajax.addOnError(function (data) {
            document.body.removeAttribute("aria-busy");
            if (data.status === "malformedXML" || data.status === "httpError"
                    || String(data.errorName).indexOf("ViewExpiredException") >= 0) {
                window.location.reload();
            }
        });
    }
})();
