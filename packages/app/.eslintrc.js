module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The benchmarks and the browser journeys run in Node, not in the browser: they start
      // the portal, write files (a descriptor a journey publishes) and print what they measured.
      files: ['bench/**', 'e2e-tests/**'],
      rules: {
        'no-restricted-imports': 'off',
        'no-console': 'off',
        'no-new-func': 'off',
      },
    },
  ],
});
