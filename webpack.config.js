// Builds the add-in into dist/: the custom functions bundle and its metadata (functions.json is
// generated from the JSDoc by custom-functions-metadata-plugin, never written by hand), the task pane,
// the ribbon commands page, the function reference page (help.html, where every @helpurl points),
// the icons and manifest.xml, every URL under the base URL the build is for (ADDIN_BASE_URL below).
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { renderHelpPage } = require("./scripts/help-page.js");

// Topic files that carry @customfunction JSDoc; functions.ts imports them all.
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions"))
  .filter((f) => f.endsWith(".ts") && !["functions.ts", "runner.ts", "help.ts"].includes(f))
  .filter((f) => /@customfunction/.test(fs.readFileSync(path.join(__dirname, "src/functions", f), "utf8")))
  .map((f) => `./src/functions/${f}`);

// Where the add-in is served from. The sources (manifest.xml, every @helpurl) name the development
// server; a deployable build names the public host instead: ADDIN_BASE_URL=https://example.org/hbp/
// npm run build (or --env baseUrl=...). ADDIN_OUTPUT_DIR (or --env outputPath=...) writes the build
// somewhere other than dist/.
const DEV_BASE = "https://localhost:3000/";

function baseUrl(env) {
  const given = (env && env.baseUrl) || process.env.ADDIN_BASE_URL || DEV_BASE;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${JSON.stringify(given)}`);
  }
  // Office loads add-ins only over HTTPS; a query or fragment cannot prefix a path.
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over HTTPS only); got ${given}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must be a folder address with no ? or #; got ${given}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Points the build at its base URL: rewrites every @helpurl in functions.json and emits
 * manifest.xml with every URL (icons, pages, scripts, SupportUrl, LearnMoreUrl) under the base.
 * A production build for another host that still names the development server fails.
 */
class BaseUrlPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    const { base } = this;
    const rebase = (text) => text.split(DEV_BASE).join(base);
    compiler.hooks.thisCompilation.tap("BaseUrlPlugin", (compilation) => {
      const { sources, Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap({ name: "BaseUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const meta = compilation.getAsset("functions.json");
        if (meta) compilation.updateAsset("functions.json", new sources.RawSource(rebase(meta.source.source().toString())));
        let manifest = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
        // The source's comments are about development (they name the development server): a
        // manifest for another host carries one line saying where it came from instead.
        if (base !== DEV_BASE)
          manifest = rebase(manifest.replace(/<!--[\s\S]*?-->/g, `<!-- Built from manifest.xml by npm run build for ${base} (ADDIN_BASE_URL). -->`));
        compilation.emitAsset("manifest.xml", new sources.RawSource(manifest));
      });
      if (base === DEV_BASE) return;
      compilation.hooks.processAssets.tap({ name: "BaseUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (/\.(png|map)$/.test(name)) continue;
          if (/localhost/.test(assets[name].source().toString()))
            compilation.errors.push(new compiler.webpack.WebpackError(`${name} still names localhost in a build for ${base}`));
        }
      });
    });
  }
}

/** Writes help.html from the functions.json that the metadata plugin emitted in this compilation. */
class HelpPagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const meta = compilation.getAsset("functions.json");
        if (!meta) return;
        const html = renderHelpPage(JSON.parse(meta.source.source().toString()));
        compilation.emitAsset("help.html", new compiler.webpack.sources.RawSource(html));
      });
    });
  }
}

function httpsOptions() {
  const { HBP_HTTPS_CERT: cert, HBP_HTTPS_KEY: key, HBP_HTTPS_CA: ca } = process.env;
  if (cert && key) return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(ca ? { ca: fs.readFileSync(ca) } : {}) };
  return undefined; // webpack-dev-server makes its own self-signed certificate
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const base = baseUrl(env);
  const outputPath = path.resolve(__dirname, (env && env.outputPath) || process.env.ADDIN_OUTPUT_DIR || "dist");
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: outputPath, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, compilerOptions: { sourceMap: dev, module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new BaseUrlPlugin(base),
      new HelpPagePlugin(),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
