/*
 * Mailroom's page behaviour, without inline script: the Content-Security-Policy (script-src 'self') blocks inline
 * handlers, and Mojarra 4.0 renders f:ajax as inline event handlers. So the pages only carry data- attributes:
 *
 * - data-ajax-render="id ...": an input inside sends a Faces ajax request on change (executes the input, re-renders
 *   those ids);
 * - data-focus-result: the result of Save / Send test email; when it holds something after a page load, it is
 *   scrolled into view and focused (it has tabindex="-1");
 * - data-poll="ms" on #smtpStatus: while non-empty, the status is re-rendered after that many ms (a partial request
 *   that executes nothing) until every node has checked the saved settings;
 * - time[data-relative][datetime]: written in the page's language and the browser's time zone, relative when recent
 *   ("2 minutes ago", "vor 2 Minuten"); the server's text stays where Intl is missing;
 * - select[data-tls-mode="NONE:25 ..."]: choosing a TLS mode proposes its usual port in input[data-tls-port] unless
 *   the admin typed one; select[data-tls-version] is disabled without TLS; [data-cleartext-warning] shows while
 *   TLS is None and select[data-auth-type] is BASIC. The server's rules stay the authority;
 * - time[data-date][datetime]: a date and time in the page's language and the browser's time zone, never relative
 *   (a certificate's expiry);
 * - input[type=file][data-file-into="id"]: the chosen file is read in the browser (FileReader) into the text area
 *   with that id; the file input has no name, so only the text travels, with the form.
 */
(function () {
    "use strict";

    var POLLS_AT_MOST = 90;
    var polls = 0;
    var pollTimer = null;

    function each(root, selector, action) {
        Array.prototype.forEach.call((root || document).querySelectorAll(selector), action);
    }

    function language() {
        return document.documentElement.lang || undefined;
    }

    // --- partial updates on change

    document.addEventListener("change", function (event) {
        var input = event.target;
        if (input.matches && input.matches("select[data-tls-mode]")) {
            tlsModeChanged(input);
        }
        if (input.matches && input.matches("select[data-tls-mode], select[data-auth-type]")) {
            updateTlsChoices(document);
        }
        var area = input.closest ? input.closest("[data-ajax-render]") : null;
        if (!area || !input.name || !window.faces || !input.form) {
            return;
        }
        // the input's name is its client id (a radio button's id has the item index appended)
        faces.ajax.request(input, event, {execute: input.name, render: area.getAttribute("data-ajax-render")});
    });

    // --- TLS choices

    function portsOf(select) {
        var ports = {};
        select.getAttribute("data-tls-mode").split(/\s+/).forEach(function (pair) {
            var parts = pair.split(":");
            if (parts.length === 2) {
                ports[parts[0]] = parts[1];
            }
        });
        return ports;
    }

    document.addEventListener("input", function (event) {
        if (event.target.matches && event.target.matches("input[data-tls-port]")) {
            event.target.setAttribute("data-typed", "true");
        }
    });

    /** Proposes the new mode's usual port when the port is empty or the old mode's usual one, and was not typed. */
    function tlsModeChanged(select) {
        var ports = portsOf(select);
        var previous = select.getAttribute("data-previous");
        select.setAttribute("data-previous", select.value);
        var port = select.form ? select.form.querySelector("input[data-tls-port]") : null;
        if (!port || !ports[select.value]) {
            return;
        }
        port.placeholder = ports[select.value];
        var usual = port.value === "" || (previous && port.value === ports[previous]);
        if (port.getAttribute("data-typed") !== "true" && usual && port.value !== ports[select.value]) {
            port.value = ports[select.value];
            // the server learns the new port as if typed: the re-entry hints depend on it
            port.dispatchEvent(new Event("change", {bubbles: true}));
        }
    }

    function updateTlsChoices(root) {
        each(root, "select[data-tls-mode]", function (select) {
            if (!select.hasAttribute("data-previous")) {
                select.setAttribute("data-previous", select.value);
            }
            var form = select.form || document;
            var clear = select.value === "NONE";
            each(form, "select[data-tls-version]", function (version) {
                version.disabled = clear;
            });
            var auth = form.querySelector("select[data-auth-type]");
            each(form, "[data-cleartext-warning]", function (warning) {
                warning.classList.toggle("is-hidden", !(clear && auth && auth.value === "BASIC"));
            });
        });
    }

    // a disabled list is not submitted: the form sends the value it keeps, so nothing changes on the server
    document.addEventListener("submit", function (event) {
        each(event.target, "select[data-tls-version]", function (version) {
            version.disabled = false;
        });
    }, true);

    // --- times in the admin's language and time zone

    var UNITS = [["second", 60], ["minute", 60], ["hour", 24], ["day", 7]];

    function formatTimes(root) {
        if (!window.Intl || !Intl.DateTimeFormat || !Intl.RelativeTimeFormat) {
            return;
        }
        var absolute = new Intl.DateTimeFormat(language(), {dateStyle: "medium", timeStyle: "long"});
        var relative = new Intl.RelativeTimeFormat(language(), {numeric: "auto"});
        each(root, "time[data-relative][datetime]", function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (isNaN(at.getTime())) {
                return;
            }
            time.title = absolute.format(at);
            var amount = Math.round((at.getTime() - Date.now()) / 1000);
            for (var i = 0; i < UNITS.length; i++) {
                if (Math.abs(amount) < UNITS[i][1]) {
                    time.textContent = relative.format(i === 0 && Math.abs(amount) < 10 ? 0 : amount, UNITS[i][0]);
                    return;
                }
                amount = Math.round(amount / UNITS[i][1]);
            }
            time.textContent = absolute.format(at);
        });
    }

    function formatDates(root) {
        if (!window.Intl || !Intl.DateTimeFormat) {
            return;
        }
        var format = new Intl.DateTimeFormat(language(), {dateStyle: "long", timeStyle: "short"});
        each(root, "time[data-date][datetime]", function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (!isNaN(at.getTime())) {
                time.textContent = format.format(at);
            }
        });
    }

    // --- key material from a file, read in the browser

    var FILE_AT_MOST = 256 * 1024;

    document.addEventListener("change", function (event) {
        var picker = event.target;
        if (!picker.matches || !picker.matches("input[type=file][data-file-into]") || !window.FileReader) {
            return;
        }
        var area = document.getElementById(picker.getAttribute("data-file-into"));
        var file = picker.files && picker.files[0];
        if (!area || !file || file.size > FILE_AT_MOST) {
            return;
        }
        var reader = new FileReader();
        reader.onload = function () {
            area.value = String(reader.result);
            // the picker is only a way to fill the text area: it keeps no file of its own
            picker.value = "";
            area.dispatchEvent(new Event("input", {bubbles: true}));
        };
        reader.readAsText(file);
    });

    // --- the SMTP status, polled while nodes check the saved settings

    function schedulePoll() {
        var status = document.getElementById("smtpStatus");
        if (pollTimer || !status || !status.getAttribute("data-poll") || !window.faces || polls >= POLLS_AT_MOST) {
            return;
        }
        pollTimer = window.setTimeout(function () {
            pollTimer = null;
            var current = document.getElementById("smtpStatus");
            if (current && current.getAttribute("data-poll")) {
                polls++;
                faces.ajax.request(current, null, {execute: "@none", render: "smtpStatus"});
            }
        }, Number(status.getAttribute("data-poll")) || 2000);
    }

    // --- page load

    function focusResult() {
        each(document, "[data-focus-result]", function (result) {
            if (result.textContent.trim() === "") {
                return;
            }
            result.scrollIntoView({block: "center"});
            result.focus({preventScroll: true});
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        // "Advanced" starts closed, but not when it holds a value or an error the admin must see
        each(document, "details.advanced", function (details) {
            var filled = Array.prototype.some.call(details.querySelectorAll("textarea"), function (area) {
                return area.value.trim() !== "";
            });
            if (filled || details.querySelector(".field-error")) {
                details.open = true;
            }
        });
        updateTlsChoices(document);
        formatTimes(document);
        formatDates(document);
        window.setInterval(function () {
            formatTimes(document);
        }, 30000);
        focusResult();
        schedulePoll();
    });

    if (window.faces) {
        // aria-busy while a partial update runs: screen readers wait for it, and so do the browser tests
        faces.ajax.addOnEvent(function (data) {
            if (data.status === "begin") {
                document.body.setAttribute("aria-busy", "true");
            } else if (data.status === "success") {
                document.body.removeAttribute("aria-busy");
                updateTlsChoices(document);
                formatTimes(document);
                formatDates(document);
                schedulePoll();
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
