/* Portal Ekonomii Społecznej: basket badge from a cookie, CSRF tokens for forms on cached
   pages and the mobile menu toggle.
   Plain ES2017, no libraries; loaded with `defer`. Without JS the menu simply stays open. */
(function () {
    'use strict';

    // (a) Basket count: the `basket_count` cookie fills every [data-basket-count] badge.
    function readCookie(name) {
        const pairs = document.cookie ? document.cookie.split(';') : [];
        for (const pair of pairs) {
            const eq = pair.indexOf('=');
            if (pair.slice(0, eq).trim() === name) {
                try { return decodeURIComponent(pair.slice(eq + 1).trim()); } catch (e) { return null; }
            }
        }
        return null;
    }

    const raw = readCookie('basket_count');
    const count = raw !== null && /^\d{1,6}$/.test(raw) ? parseInt(raw, 10) : 0;
    if (count > 0) {
        const lang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
        const fallback = lang.indexOf('en') === 0 ? 'Basket' : 'Koszyk';
        document.querySelectorAll('[data-basket-count]').forEach(function (badge) {
            const link = badge.closest('a');
            // The visible link text ("Koszyk", "Cart"...) must stay in the accessible name (WCAG 2.5.3).
            const text = link ? link.textContent.replace(badge.textContent, '').replace(/\s+/g, ' ').trim() : '';
            badge.textContent = String(count);
            badge.hidden = false;
            if (link) link.setAttribute('aria-label', (text || fallback) + ' (' + count + ')');
        });
    }

    // (b) Forms on cached pages carry an empty CSRF placeholder ([data-csrf-token], its value the
    // never-cached token URL). The token is fetched at once (so a quick click finds it there and
    // the form goes synchronously) and waited for on submit if still on its way; a new one is
    // fetched if the cookie went meanwhile. If all fails the form goes as it is and the server
    // answers with a page to confirm the sending (portal/csrf.py).
    const placeholders = document.querySelectorAll('input[data-csrf-token]');
    if (placeholders.length && window.fetch) {
        const tokenUrl = placeholders[0].getAttribute('data-csrf-token');
        let cookieName = null;
        let pending = null;
        const fetchToken = function () {
            pending = fetch(tokenUrl, {
                credentials: 'same-origin',
                cache: 'no-store',
                headers: {Accept: 'application/json'}
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (data) {
                if (!data || !data.token) return false;
                cookieName = data.cookie || null;
                placeholders.forEach(function (input) { input.value = data.token; });
                return true;
            }).catch(function () { return false; });
            return pending;
        };
        const cookieGone = function () { return cookieName !== null && readCookie(cookieName) === null; };
        fetchToken();
        // A page restored from the back-forward cache may hold a token from before a login.
        window.addEventListener('pageshow', function (event) {
            if (!event.persisted) return;
            placeholders.forEach(function (input) {
                input.value = '';
                if (input.form) input.form.removeAttribute('data-csrf-waiting');
            });
            fetchToken();
        });
        placeholders.forEach(function (input) {
            const form = input.form;
            if (!form || form.hasAttribute('data-csrf-ready')) return;
            form.setAttribute('data-csrf-ready', '');
            form.addEventListener('submit', function (event) {
                if (event.defaultPrevented || (input.value && !cookieGone())) return;
                event.preventDefault();
                // a second click while the token is on its way
                if (form.hasAttribute('data-csrf-waiting')) return;
                form.setAttribute('data-csrf-waiting', '');
                const submitter = event.submitter;
                const ready = input.value ? fetchToken() : pending.then(function (ok) {
                    return ok && !cookieGone() ? ok : fetchToken();
                });
                ready.then(function () {
                    // submit() skips the submit event (no loop) and the button's own name=value.
                    if (submitter && submitter.name) {
                        const extra = document.createElement('input');
                        extra.type = 'hidden';
                        extra.name = submitter.name;
                        extra.value = submitter.value;
                        form.appendChild(extra);
                    }
                    HTMLFormElement.prototype.submit.call(form);
                });
            });
        });
    }

    // (c) Main navigation: a disclosure button on small screens only.
    const toggle = document.querySelector('.main-nav__toggle');
    const list = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (!toggle || !list || !window.matchMedia) return;

    const small = window.matchMedia('(max-width: 47.99em)');

    function setOpen(open) {
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        list.hidden = !open;
    }

    function sync() {
        toggle.hidden = !small.matches;
        if (small.matches) setOpen(false);
        else list.hidden = false;
    }

    toggle.addEventListener('click', function () {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });

    // Escape closes the open menu and returns focus to the button.
    toggle.parentNode.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && small.matches && toggle.getAttribute('aria-expanded') === 'true') {
            setOpen(false);
            toggle.focus();
        }
    });

    if (small.addEventListener) small.addEventListener('change', sync);
    else small.addListener(sync);
    sync();
}());
