/* Portal Ekonomii Społecznej: suggestions under the header's search box.
   The WAI-ARIA combobox pattern (list autocomplete). Plain ES2017, no libraries, loaded with
   `defer`. Progressive enhancement: without JS (or if a fetch fails) the form simply submits
   to /szukaj/. The suggestions URL and the status texts come from the form's data- attributes. */
(function () {
    'use strict';

    const form = document.querySelector('form.search-form[data-autocomplete]');
    const input = form && form.querySelector('input[name="q"]');
    if (!form || !input || !window.fetch) return;

    const MIN_LENGTH = 2;
    const DELAY = 200;
    const listId = (input.id || 'site-search') + '-listbox';

    const wrapper = document.createElement('div');
    wrapper.className = 'search-autocomplete';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    const list = document.createElement('ul');
    list.id = listId;
    list.className = 'search-autocomplete__list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', form.querySelector('label[for="' + input.id + '"]')
        ? form.querySelector('label[for="' + input.id + '"]').textContent.trim() : '');
    list.hidden = true;
    wrapper.appendChild(list);

    const status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    form.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    let items = [];
    let active = -1;
    let timer = null;
    let controller = null;
    let lastAsked = '';

    function open() {
        if (!items.length) return close();
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
    }

    function close() {
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        setActive(-1);
    }

    function setActive(index) {
        const options = list.querySelectorAll('[role="option"]');
        options.forEach(function (option, i) {
            option.setAttribute('aria-selected', i === index ? 'true' : 'false');
        });
        active = index;
        if (index >= 0 && options[index]) {
            input.setAttribute('aria-activedescendant', options[index].id);
            options[index].scrollIntoView({ block: 'nearest' });
        } else {
            input.removeAttribute('aria-activedescendant');
        }
    }

    function announce(count) {
        const text = count
            ? (form.dataset.results || '%(count)s').replace('%(count)s', String(count))
            : (form.dataset.noResults || '');
        status.textContent = text;
    }

    function render(suggestions) {
        items = suggestions;
        list.textContent = '';
        suggestions.forEach(function (item, i) {
            const option = document.createElement('li');
            option.id = listId + '-' + i;
            option.className = 'search-autocomplete__option';
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', 'false');
            const kind = document.createElement('span');
            kind.className = 'search-autocomplete__kind';
            kind.textContent = item.label;
            const title = document.createElement('span');
            title.className = 'search-autocomplete__title';
            title.textContent = item.title;
            option.appendChild(title);
            option.appendChild(kind);
            // mousedown, not click: the input's blur would close the list first.
            option.addEventListener('mousedown', function (event) {
                event.preventDefault();
                go(i);
            });
            list.appendChild(option);
        });
        active = -1;
        announce(suggestions.length);
        if (suggestions.length) open(); else close();
    }

    function go(index) {
        const item = items[index];
        if (item && item.url) window.location.assign(item.url);
    }

    function ask(text) {
        if (controller) controller.abort();
        controller = window.AbortController ? new AbortController() : null;
        lastAsked = text;
        const url = form.dataset.autocomplete + '?q=' + encodeURIComponent(text);
        fetch(url, {
            headers: { Accept: 'application/json' },
            credentials: 'same-origin',
            signal: controller ? controller.signal : undefined,
        })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) {
                if (text !== lastAsked || input.value.trim() !== text) return; // stale answer
                render(Array.isArray(data.suggestions) ? data.suggestions : []);
            })
            .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        const text = input.value.trim();
        if (text.length < MIN_LENGTH) {
            if (controller) controller.abort();
            lastAsked = '';
            items = [];
            list.textContent = '';
            status.textContent = '';
            close();
            return;
        }
        timer = window.setTimeout(function () { ask(text); }, DELAY);
    });

    input.addEventListener('keydown', function (event) {
        const expanded = !list.hidden;
        switch (event.key) {
            case 'ArrowDown':
                if (!items.length) return;
                event.preventDefault();
                if (!expanded) open();
                setActive(active + 1 >= items.length ? 0 : active + 1);
                break;
            case 'ArrowUp':
                if (!items.length) return;
                event.preventDefault();
                if (!expanded) open();
                setActive(active <= 0 ? items.length - 1 : active - 1);
                break;
            case 'Enter':
                if (expanded && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
                break; // otherwise the form submits to the search page
            case 'Escape':
                if (expanded) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = '';
                }
                break;
            case 'Tab':
                close();
                break;
            default:
                break;
        }
    });

    input.addEventListener('blur', function () { close(); });
    input.addEventListener('focus', function () {
        if (items.length && input.value.trim() === lastAsked) open();
    });
})();
