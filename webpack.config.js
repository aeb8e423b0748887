/* eslint-disable no-undef */
// Builds the add-in into dist/: the custom functions bundle and its metadata (functions.json is
// generated from the JSDoc by custom-functions-metadata-plugin, never written by hand), the task pane,
// the ribbon commands page, the function reference page (help.html, where every @helpurl points)
// and the icons.
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
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, compilerOptions: { sourceMap: dev, module: "es2020" } } } }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
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
