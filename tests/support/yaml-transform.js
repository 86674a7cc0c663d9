/** Jest transform: a .yaml import is its text, as webpack's asset/source gives it to the bundle. */
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)}; module.exports.default = module.exports;` };
  },
};
