import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never write HTML; build nodes with textContent.' },
        { property: 'outerHTML', message: 'Never write HTML; build nodes with textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML insertion.',
        },
        {
          // Preact's only innerHTML path (docs/permissions.md explains the add-on linter's warning by this rule).
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No HTML insertion.',
        },
      ],
    },
  },
  {
    // lib/ is environment-free and is what ships: no extension APIs, no Node modules (Node-only code such as
    // the trainer and the dataset loader lives under scripts/).
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt/browser', '#imports', '**/entrypoints/**', 'node:*', '**/scripts/**'] },
      ],
    },
  },
  {
    // Entrypoints wire; a file that outgrows one screenful of wiring has logic or a view that belongs in a
    // module of its own (issue 24: the 947-line page session).
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
);
