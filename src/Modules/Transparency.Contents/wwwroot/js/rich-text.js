/*
 * Rich-text editor for every <textarea data-rich-text> on the page (docs/rich-text.md).
 *
 * The textarea stays the form field: it is hidden and receives the editor's HTML on every change and again on
 * submit, so the server gets exactly one field under the textarea's name. Without JavaScript (or if Quill did
 * not load) the textarea is simply a plain text box. The server sanitizes whatever arrives.
 */
(function () {
    'use strict';

    var defaults = {
        toolbar: 'Formatting', heading: 'Paragraph style', normal: 'Body text', heading2: 'Heading 2', heading3: 'Heading 3',
        bold: 'Bold', italic: 'Italic', underline: 'Underline', ordered: 'Numbered list', bullet: 'Bulleted list',
        outdent: 'Decrease indent', indent: 'Increase indent', align: 'Alignment', alignLeft: 'Align left',
        alignCenter: 'Centre', alignRight: 'Align right', alignJustify: 'Justify', link: 'Insert link',
        clean: 'Clear formatting', visit: 'Link:', enterLink: 'Address:', edit: 'Edit', save: 'Save', remove: 'Remove',
        required: 'Please fill in this field.'
    };

    function labels() {
        var node = document.getElementById('rich-text-labels');
        var parsed = {};
        if (node) {
            try { parsed = JSON.parse(node.textContent || '{}'); } catch (e) { parsed = {}; }
        }
        return Object.assign({}, defaults, parsed);
    }

    function el(tag, attributes, text) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        if (text) { node.textContent = text; }
        return node;
    }

    function buildToolbar(L) {
        var bar = el('div', { role: 'toolbar', 'aria-label': L.toolbar });
        function group() { var g = el('span', { 'class': 'ql-formats' }); bar.appendChild(g); return g; }
        function button(parent, format, value, label) {
            var attributes = { type: 'button', 'class': 'ql-' + format, 'aria-label': label, title: label };
            if (value) { attributes.value = value; }
            parent.appendChild(el('button', attributes));
        }

        var header = el('select', { 'class': 'ql-header', 'aria-label': L.heading });
        header.appendChild(el('option', { value: '2' }, L.heading2));
        header.appendChild(el('option', { value: '3' }, L.heading3));
        header.appendChild(el('option', { selected: 'selected' }, L.normal));
        group().appendChild(header);

        var marks = group();
        button(marks, 'bold', null, L.bold);
        button(marks, 'italic', null, L.italic);
        button(marks, 'underline', null, L.underline);

        var lists = group();
        button(lists, 'list', 'ordered', L.ordered);
        button(lists, 'list', 'bullet', L.bullet);
        button(lists, 'indent', '-1', L.outdent);
        button(lists, 'indent', '+1', L.indent);

        var align = el('select', { 'class': 'ql-align', 'aria-label': L.align });
        align.appendChild(el('option', { selected: 'selected' }));
        ['center', 'right', 'justify'].forEach(function (v) { align.appendChild(el('option', { value: v })); });
        group().appendChild(align);

        var other = group();
        button(other, 'link', null, L.link);
        button(other, 'clean', null, L.clean);
        return bar;
    }

    /* Quill's pickers are spans built from the selects: give them names a screen reader can announce. */
    function labelPickers(toolbar, L) {
        var alignNames = { '': L.alignLeft, center: L.alignCenter, right: L.alignRight, justify: L.alignJustify };
        toolbar.querySelectorAll('.ql-align .ql-picker-item').forEach(function (item) {
            var name = alignNames[item.getAttribute('data-value') || ''];
            item.setAttribute('aria-label', name);
            item.setAttribute('title', name);
        });
        toolbar.querySelectorAll('.ql-align .ql-picker-label').forEach(function (label) {
            label.setAttribute('aria-label', L.align);
            label.setAttribute('title', L.align);
        });
        toolbar.querySelectorAll('.ql-header .ql-picker-label').forEach(function (label) {
            label.setAttribute('aria-label', L.heading);
            label.setAttribute('title', L.heading);
        });
    }

    function localizeTooltip(quill, L) {
        var tooltip = quill.theme && quill.theme.tooltip;
        if (!tooltip || !tooltip.root) { return; }
        tooltip.root.setAttribute('data-visit', L.visit);
        tooltip.root.setAttribute('data-enter', L.enterLink);
        var action = tooltip.root.querySelector('a.ql-action');
        if (action) { action.setAttribute('data-edit', L.edit); action.setAttribute('data-save', L.save); }
        var remove = tooltip.root.querySelector('a.ql-remove');
        if (remove) { remove.setAttribute('data-remove', L.remove); }
        if (tooltip.textbox) { tooltip.textbox.setAttribute('data-link', 'https://'); }
    }

    /* The HTML to store: semantic lists (<ol>/<ul>) instead of Quill's internal markup, ordinary spaces. */
    function htmlOf(quill) {
        if (quill.getText().trim().length === 0) { return ''; }
        return quill.getSemanticHTML().replace(/&nbsp;/g, ' ');
    }

    function enhance(textarea, L) {
        if (textarea.getAttribute('data-rich-text-ready') === 'true') { return; }
        textarea.setAttribute('data-rich-text-ready', 'true');

        var wrapper = el('div', { 'class': 'rich-text' });
        var rows = parseInt(textarea.getAttribute('rows') || '10', 10);
        wrapper.style.setProperty('--rich-text-rows', String(isNaN(rows) ? 10 : rows));
        var toolbar = buildToolbar(L);
        var host = el('div', {});
        wrapper.appendChild(toolbar);
        wrapper.appendChild(host);
        textarea.parentNode.insertBefore(wrapper, textarea.nextSibling);

        var quill = new window.Quill(host, {
            theme: 'snow',
            formats: ['header', 'bold', 'italic', 'underline', 'list', 'indent', 'align', 'link'],
            modules: {
                toolbar: toolbar,
                // Tab leaves the editor (keyboard users must not be trapped); indenting is on the toolbar.
                keyboard: { bindings: { tab: { key: 'Tab', handler: function () { return true; } } } }
            },
            placeholder: textarea.getAttribute('placeholder') || ''
        });

        var initial = textarea.value;
        if (initial.trim().length > 0) {
            if (initial.indexOf('<') < 0) {
                quill.setText(initial.replace(/\r\n?/g, '\n'), 'silent'); // an opinion stored as plain text
            } else {
                quill.setContents(quill.clipboard.convert({ html: initial }), 'silent');
            }
        }

        // Accessible name and state of the editing area; the hidden textarea is no longer what the label names.
        var root = quill.root;
        var label = textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;
        root.setAttribute('role', 'textbox');
        root.setAttribute('aria-multiline', 'true');
        if (label) {
            if (!label.id) { label.id = textarea.id + '-label'; }
            label.removeAttribute('for');
            label.addEventListener('click', function () { quill.focus(); });
            root.setAttribute('aria-labelledby', label.id);
        } else if (textarea.getAttribute('aria-label')) {
            root.setAttribute('aria-label', textarea.getAttribute('aria-label'));
        }
        ['aria-describedby', 'aria-invalid'].forEach(function (name) {
            if (textarea.hasAttribute(name)) { root.setAttribute(name, textarea.getAttribute(name)); }
        });
        var required = textarea.required;
        if (required) {
            // A hidden required field cannot show the browser's message: check it here instead.
            textarea.required = false;
            root.setAttribute('aria-required', 'true');
        }

        labelPickers(toolbar, L);
        localizeTooltip(quill, L);

        textarea.hidden = true;
        textarea.style.display = 'none';
        textarea.setAttribute('aria-hidden', 'true');
        textarea.tabIndex = -1;

        var dirty = false;
        function sync() { textarea.value = htmlOf(quill); }
        quill.on('text-change', function () { dirty = true; sync(); });

        var form = textarea.form;
        if (form) {
            form.addEventListener('submit', function (event) {
                if (dirty) { sync(); }
                if (required && quill.getText().trim().length === 0 && !(event.submitter && event.submitter.formNoValidate)) {
                    event.preventDefault();
                    root.setAttribute('aria-invalid', 'true');
                    quill.focus();
                    window.alert(L.required);
                }
            }, true);
        }
    }

    function start() {
        var areas = document.querySelectorAll('textarea[data-rich-text]');
        if (areas.length === 0 || typeof window.Quill !== 'function') { return; }
        var L = labels();
        areas.forEach(function (textarea) { enhance(textarea, L); });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
