/* eslint-env node */
/**
 * Which rubric file the add-in bundles and the CLI uses by default: package.json's config.rubric, or
 * the RUBRIC_FILE environment variable (`RUBRIC_FILE=rubric/changning-2024.yaml npm run build`).
 * A new year or district is a new data file and this setting, never a code change.
 */
const path = require('path');

const root = path.resolve(__dirname, '..');

function bundledRubricFile() {
  const chosen = process.env.RUBRIC_FILE || require(path.join(root, 'package.json')).config.rubric;
  return path.resolve(root, chosen);
}

module.exports = { bundledRubricFile };
