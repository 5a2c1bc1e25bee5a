/* Portal Ekonomii Społecznej: basket badge from a cookie and the mobile menu toggle.
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

    // (b) Main navigation: a disclosure button on small screens only.
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
