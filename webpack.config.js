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
/** package.json config.dev_server_port: office-addin-debugging (npm start) waits for this port before it sideloads. */
const DEV_SERVER_PORT = Number(require('./package.json').config.dev_server_port);
const DEV_ORIGIN = `https://localhost:${DEV_SERVER_PORT}`;

/**
 * Where taskpane.html loads Office.js from. Tenants of Microsoft 365 operated by 21Vianet (China) use
 * its own CDN ("Referencing the Office JavaScript API library"): OFFICE_CLOUD=21vianet npm run build.
 */
const OFFICE_JS = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};

function officeJsUrl(cloud = process.env.OFFICE_CLOUD) {
  const key = (cloud || 'global').trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(OFFICE_JS, key)) {
    throw new Error(`OFFICE_CLOUD=${cloud}：只能是 ${Object.keys(OFFICE_JS).join(' 或 ')} (must be one of ${Object.keys(OFFICE_JS).join(', ')})`);
  }
  return OFFICE_JS[key];
}

/**
 * The deployment origin for manifest.xml: ADDIN_URL=https://host[/path] npm run build writes it in place
 * of the dev server's. Anything but an https URL is refused, since Office loads add-ins over https only.
 */
function addinUrl(value = process.env.ADDIN_URL) {
  if (!value) return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(`ADDIN_URL=${value}：必须是 https:// 开头的地址，不带 ? 或 # (must be an https URL without query or fragment)`);
  }
  return url.href.replace(/\/+$/, '');
}

/** manifest.xml with every dev-server URL pointing at `url` instead. */
function manifestFor(text, url) {
  return url ? text.split(`${DEV_ORIGIN}/`).join(`${url}/`) : text;
}
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
function httpsOptions(dir = path.join(os.homedir(), '.office-addin-dev-certs'), now = new Date()) {
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  const fix = 'npx office-addin-dev-certs install';
  const missing = Object.values(paths).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    // Loudly: a self-signed fallback would start, and Office would show a blank pane with no reason given.
    throw new Error(
      `缺少开发证书：${missing.join('、')}。请运行 ${fix}（生成并信任 https://localhost 的证书），然后重新启动。\n` +
        `Dev certificate missing: ${missing.join(', ')}. Run ${fix} (creates and trusts the https://localhost certificate), then start again.`,
    );
  }
  const cert = new (require('crypto').X509Certificate)(fs.readFileSync(paths.cert));
  if (new Date(cert.validTo) < now || !cert.checkIssued(new (require('crypto').X509Certificate)(fs.readFileSync(paths.ca)))) {
    throw new Error(
      `开发证书已过期或不是由已安装的开发 CA 签发（${paths.cert}，有效期至 ${cert.validTo}），Office 不会信任它。请运行 npx office-addin-dev-certs uninstall 后再运行 ${fix}。\n` +
        `The dev certificate ${paths.cert} has expired (valid to ${cert.validTo}) or was not issued by the dev CA, so Office will not trust it. Run npx office-addin-dev-certs uninstall, then ${fix}.`,
    );
  }
  return { type: 'https', options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])) };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const officeJs = officeJsUrl();
  const deployUrl = addinUrl();
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
            templateParameters: { officeJs },
            ...(page.blocking ? { scriptLoading: 'blocking', inject: 'body' } : {}),
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), deployUrl) },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_SERVER_PORT,
      // Only this machine: the dev server serves the add-in to the local Excel, never to the network.
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.WEBPACK_SERVE ? httpsOptions() : 'https',
      static: false,
    },
  };
};

module.exports.ENTRIES = ENTRIES;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.officeJsUrl = officeJsUrl;
module.exports.addinUrl = addinUrl;
module.exports.manifestFor = manifestFor;
module.exports.httpsOptions = httpsOptions;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
module.exports.PAGES = PAGES;
