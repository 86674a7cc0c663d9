/**
 * A rubric/*.yaml import is the rubric itself: scripts/webpack/rubric-loader.js parses it and checks it
 * against rubric/schema.json at build time; tests/support/yaml-transform.js runs the same check for Jest.
 */
declare module '*.yaml' {
  const rubric: import('../engine/rubric-types').Rubric;
  export default rubric;
}
