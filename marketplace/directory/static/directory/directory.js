/* PES database: the "Add to shortlist" buttons on cached pages carry no CSRF token (a token
   would set a cookie and keep the page out of the cache). Just before sending, fetch one from
   the never-cached token URL. If that fails the form goes without it and the server answers
   with a confirmation page that has a token. Plain ES2017, no libraries, loaded with `defer`. */
(function () {
    'use strict';
    document.querySelectorAll('form[data-shortlist-form]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (form.querySelector('input[name=csrfmiddlewaretoken]')) return;
            event.preventDefault();
            const send = function () { HTMLFormElement.prototype.submit.call(form); };
            fetch(form.getAttribute('data-token-url'), {
                credentials: 'same-origin',
                headers: {Accept: 'application/json'}
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (data) {
                if (data && data.token) {
                    const input = document.createElement('input');
                    input.type = 'hidden';
                    input.name = 'csrfmiddlewaretoken';
                    input.value = data.token;
                    form.appendChild(input);
                }
                send();
            }).catch(send);
        });
    });
})();
