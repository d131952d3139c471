// html-validate settings for every HTML file borgermode writes (checked in `npm test` by
// test/output/validators.test.ts). A JavaScript file rather than .htmlvalidate.json, because
// JSON cannot carry the comment that must explain any rule turned off here.
export default {
  root: true,
  extends: [
    // The recommended preset: valid HTML5 and the accessibility and style rules html-validate
    // recommends for every page.
    'html-validate:recommended',
    // Rules for whole documents (doctype, heading levels, references between ids, SRI on
    // external resources); our outputs are whole, self-contained pages.
    'html-validate:document',
  ],
  rules: {
    // No rule is turned off. One that must be gets a line here saying why.

    // Relaxed from 70 characters: the <title> names the document in the tab and in the PDF
    // footer on every page, so it carries the project title, the area, the quarter and, in
    // internal output, the notice "INTERNT – må ikke deles" (about 80 characters). The limit
    // of 70 is about titles cut short in search results; 120 still catches text dumped into it.
    'long-title': ['error', { maxlength: 120 }],
  },
};
