/* eslint-env node */
/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime page: task pane, ribbon commands and
 * custom functions in one), functions.json (generated from the JSDoc in src/functions/functions.ts),
 * functions.zh-CN.json (the same with Chinese help), playground.html, the icons and manifest.xml.
 * An entry whose source does not exist yet is left out, so the build works while parts are written.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { localizeMetadata } = require('./src/functions/localize-metadata');
const { bundledRubricFile } = require('./scripts/bundled-rubric-file');

const root = __dirname;
const DEV_SERVER_PORT = 3000;
const FUNCTIONS_SOURCE = './src/functions/functions.ts';
const FUNCTIONS_METADATA = 'functions.json';
const FUNCTIONS_METADATA_ZH = 'functions.zh-CN.json';
const ZH_TABLE = path.join(root, 'src/functions/metadata.zh-CN.json');

const exists = (file) => fs.existsSync(path.join(root, file));

/** Entries, pages and the chunks each page loads; absent sources are skipped. */
const ENTRIES = {
  taskpane: './src/taskpane/index.tsx',
  commands: './src/commands/commands.ts',
  functions: FUNCTIONS_SOURCE,
  playground: './src/playground/index.tsx',
};
const PAGES = [
  // With a shared runtime the task pane page also runs the ribbon commands and the custom functions.
  // In this order, blocking: the ribbon's handler is registered before the large pane bundle is even
  // fetched, so a first click while the pane loads still runs (src/commands/commands.ts).
  { filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['commands', 'functions', 'taskpane'], blocking: true },
  { filename: 'playground.html', template: './src/playground/playground.html', chunks: ['playground'] },
];

/**
 * Writes functions.zh-CN.json from the functions.json the metadata plugin emitted and the translation
 * table. A function or parameter without a translation fails the build rather than shipping English help.
 */
class LocalizedFunctionsMetadataPlugin {
  constructor(input = FUNCTIONS_METADATA, output = FUNCTIONS_METADATA_ZH) {
    this.input = input;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsMetadata', (compilation) => {
      compilation.fileDependencies.add(ZH_TABLE);
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionsMetadata', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset(this.input);
          if (!english) return; // the metadata plugin already reported why
          const table = JSON.parse(fs.readFileSync(ZH_TABLE, 'utf8'));
          const { metadata, problems } = localizeMetadata(JSON.parse(english.source.source().toString()), table);
          for (const problem of problems) {
            compilation.errors.push(new webpack.WebpackError(`${path.relative(root, ZH_TABLE)}: ${problem}`));
          }
          compilation.emitAsset(this.output, new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

/**
 * HTTPS for the dev server from the certificates `npx office-addin-dev-certs install` writes; without
 * them webpack-dev-server makes its own self-signed one, which Office will not trust.
 */
function httpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return { type: 'https', options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])) };
  }
  console.warn(
    `[webpack] ${dir} 中没有开发证书，改用 webpack 自签名证书，Office 不会信任它。请先运行 npx office-addin-dev-certs install。\n` +
      `[webpack] No dev certificates in ${dir}; using a self-signed one Office will not trust. Run npx office-addin-dev-certs install first.`,
  );
  return 'https';
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const entry = Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => exists(file)));
  const pages = PAGES.filter((page) => exists(page.template) && page.chunks.some((c) => c in entry));

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    context: root,
    entry,
    output: {
      path: path.join(root, 'dist'),
      // Fixed names: the manifest points at functions.js, and Office caches by URL anyway.
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // src/host/bundled-rubric.ts imports this name; the file comes from package.json's config.rubric or RUBRIC_FILE.
      alias: { 'bundled-rubric.yaml$': bundledRubricFile() },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`'s job; ES modules let webpack drop unused code.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } },
          },
        },
        // A rubric is parsed and schema-checked here, at build time: the bundle gets the checked object
        // (no YAML parser, no Ajv), and a rubric that does not match rubric/schema.json fails the build.
        { test: /\.ya?ml$/, use: path.join(root, 'scripts/webpack/rubric-loader.js') },
        { test: /\.(png|jpe?g|gif|svg)$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    plugins: [
      // Generates functions.json from the JSDoc and has its loader append the CustomFunctions.associate calls.
      // An absolute input: the plugin resolves a relative one against the working directory, not this file.
      ...(entry.functions ? [new CustomFunctionsMetadataPlugin({ input: path.join(root, FUNCTIONS_SOURCE), output: FUNCTIONS_METADATA })] : []),
      ...(entry.functions ? [new LocalizedFunctionsMetadataPlugin()] : []),
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page.filename,
            template: page.template,
            chunks: page.chunks.filter((c) => c in entry),
            chunksSortMode: 'manual',
            ...(page.blocking ? { scriptLoading: 'blocking', inject: 'body' } : {}),
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? httpsOptions() : 'https',
      static: false,
    },
  };
};

module.exports.ENTRIES = ENTRIES;
module.exports.PAGES = PAGES;
