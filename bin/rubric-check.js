#!/usr/bin/env node
// `npx rubric-check …`: compile the CLI once if a source changed (as `npm run rubric-check` does), then run it.
// Everything the launcher says goes to stderr, so `--json` output on stdout stays one JSON document.
require('../scripts/ensure-cli-built.js');
const { main } = require('../dist-cli/src/cli/main.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
