// The clause library's "Copy the text" button: shown only when the clipboard can be written,
// it copies the clause as plain text and says so in a status region (read by screen readers).
(function () {
    'use strict';
    if (!navigator.clipboard || !window.isSecureContext) return;
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
        const source = document.getElementById(button.getAttribute('data-copy-target'));
        const status = button.parentElement.querySelector('[data-copied-message]');
        if (!source) return;
        button.hidden = false;
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(source.innerText.trim()).then(function () {
                if (status) status.textContent = status.getAttribute('data-copied-message');
            });
        });
    });
})();
