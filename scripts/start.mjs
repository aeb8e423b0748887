#!/usr/bin/env node
// `npm start`: serve the add-in on https://localhost:3000 and load it into Excel.
//
//   1. Certificates. On Windows and macOS, office-addin-dev-certs makes and trusts the usual Office
//      development certificate (~/.office-addin-dev-certs; the OS may ask for consent). On Linux
//      that package would run `sudo` scripts (and cannot reach the browsers' NSS store), so this
//      script reuses or generates the certificate without touching the system and tells you how to
//      trust it. Whatever fails, it falls back to a CA + localhost certificate made with openssl in
//      .certs/ (git-ignored).
//   2. Dev server: `webpack serve --mode development`, with HBP_DEV_SERVER=1 and the certificate in
//      HBP_HTTPS_CERT / HBP_HTTPS_KEY / HBP_HTTPS_CA (webpack.config.js reads them).
//   3. When https://localhost:3000/taskpane.html answers: on Windows and macOS,
//      `office-addin-debugging start manifest.xml desktop` sideloads into desktop Excel; on Linux
//      (no desktop Excel) it prints how to upload manifest.xml to Excel on the web.
//   4. Ctrl+C stops the server (and, on Windows/macOS, runs `office-addin-debugging stop`).
//
// Options:
//   --dry-run        (or HBP_START_DRY_RUN=1) print the plan and exit 0; reads only, writes nothing,
//                    starts nothing. --platform=win32|darwin|linux shows another platform's plan.
//   --no-serve       prepare the certificates for real, print the plan and instructions, but do not
//                    start the server or sideload.
//   --no-sideload    serve only; print the sideload instructions instead of launching Excel.
//   --help
// Environment:
//   HBP_HTTPS_CERT, HBP_HTTPS_KEY (HBP_HTTPS_CA)  use this certificate instead of finding one.
//   HBP_CERTS=auto|office|openssl   auto (default); office: always use office-addin-dev-certs'
//                    full install (also on Linux: runs sudo); openssl: always the openssl fallback.
//   HBP_CERT_DIR     where the openssl fallback writes (default <repo>/.certs).
//   HBP_READY_TIMEOUT  seconds to wait for the server's first answer (default 180).
// Only Node built-ins and packages already in node_modules.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

const PORT = 3000;
const ORIGIN = `https://localhost:${PORT}`;
const READY_URL = `${ORIGIN}/taskpane.html`;
const MANIFEST = "manifest.xml";
const MANIFEST_ABS = path.join(root, MANIFEST);
const NSS_NICKNAME = "office-addin-dev";
const SIDELOAD_WEB_DOCS = "https://learn.microsoft.com/office/dev/add-ins/testing/sideload-office-add-ins-for-testing";
const OFFICE_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs"); // office-addin-dev-certs' defaults
const officeCerts = {
  dir: OFFICE_CERT_DIR,
  ca: path.join(OFFICE_CERT_DIR, "ca.crt"),
  cert: path.join(OFFICE_CERT_DIR, "localhost.crt"),
  key: path.join(OFFICE_CERT_DIR, "localhost.key"),
};
const localDir = path.resolve(root, process.env.HBP_CERT_DIR || ".certs");
const localCerts = {
  dir: localDir,
  ca: path.join(localDir, "ca.crt"),
  cert: path.join(localDir, "localhost.crt"),
  key: path.join(localDir, "localhost.key"),
};

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
const truthy = (v) => !!v && !["0", "false", "no", ""].includes(String(v).toLowerCase());

if (flag("--help") || flag("-h")) {
  const text = fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
  const end = text.findIndex((l) => l.startsWith("import "));
  console.log(
    text
      .slice(1, end)
      .map((l) => l.replace(/^\/\/ ?/, ""))
      .join("\n")
  );
  process.exit(0);
}
const known = ["--dry-run", "--no-serve", "--no-sideload", "--help", "-h"];
const unknown = argv.filter((a) => !known.includes(a) && !a.startsWith("--platform="));
if (unknown.length) fail(`unknown option(s): ${unknown.join(" ")} (see node scripts/start.mjs --help)`);

const dryRun = flag("--dry-run") || truthy(process.env.HBP_START_DRY_RUN);
const noServe = flag("--no-serve");
const noSideload = flag("--no-sideload");
const platformOption = option("--platform");
if (platformOption && !["win32", "darwin", "linux"].includes(platformOption)) fail(`--platform must be win32, darwin or linux`);
if (platformOption && !dryRun) fail("--platform=... only changes the printed plan; use it with --dry-run");
const platform = platformOption || process.platform;
const desktopExcel = platform === "win32" || platform === "darwin";
const certMode = (process.env.HBP_CERTS || "auto").toLowerCase();
if (!["auto", "office", "openssl"].includes(certMode)) fail("HBP_CERTS must be auto, office or openssl");
const readyTimeoutMs = (Number(process.env.HBP_READY_TIMEOUT) || 180) * 1000;

// ---------------------------------------------------------------- output helpers
const quote = (p) => (platform === "win32" ? `"${p}"` : `'${p.replace(/'/g, "'\\''")}'`);
function heading(text) {
  console.log(`\n=== ${text} ===`);
}
function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------- certificates
/** Reads a certificate and key; ok when they match, cover localhost and are valid for a day more. */
function inspect(set) {
  try {
    const x509 = new crypto.X509Certificate(fs.readFileSync(set.cert));
    const key = crypto.createPrivateKey(fs.readFileSync(set.key));
    if (!x509.checkPrivateKey(key)) return { ok: false, why: "the key does not match the certificate" };
    if (new Date(x509.validFrom).getTime() > Date.now()) return { ok: false, why: `not valid before ${x509.validFrom}` };
    if (new Date(x509.validTo).getTime() < Date.now() + 24 * 3600 * 1000) return { ok: false, why: `expired or expiring (${x509.validTo})` };
    if (!x509.checkHost("localhost")) return { ok: false, why: "not issued for localhost" };
    let ca;
    try {
      ca = new crypto.X509Certificate(fs.readFileSync(set.ca));
      if (!x509.checkIssued(ca) || !x509.verify(ca.publicKey)) ca = undefined;
    } catch {
      ca = undefined;
    }
    return { ok: true, x509, ca, validTo: x509.validTo };
  } catch (e) {
    return { ok: false, why: e && e.code === "ENOENT" ? "not there" : String(e && e.message ? e.message : e) };
  }
}

function onPath(cmd) {
  const r = spawnSync(platform === "win32" ? "where" : "which", [cmd], { encoding: "utf8" });
  return r.status === 0;
}
const opensslAvailable = () => spawnSync("openssl", ["version"], { encoding: "utf8" }).status === 0;

/** Is this CA in a Linux system bundle, and in the NSS store that Chrome/Chromium/Edge use on Linux? */
function linuxTrust(caX509) {
  const result = { system: false, nss: "unknown" };
  if (!caX509) return result;
  const bundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"];
  for (const b of bundles) {
    let text;
    try {
      text = fs.readFileSync(b, "utf8");
    } catch {
      continue;
    }
    for (const pem of text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) || []) {
      try {
        if (new crypto.X509Certificate(pem).fingerprint256 === caX509.fingerprint256) result.system = true;
      } catch {
        /* skip unreadable entries */
      }
    }
    if (result.system) break;
  }
  const db = path.join(os.homedir(), ".pki", "nssdb");
  if (onPath("certutil") && fs.existsSync(db)) {
    const r = spawnSync("certutil", ["-d", `sql:${db}`, "-L", "-n", NSS_NICKNAME, "-a"], { encoding: "utf8" });
    let same = false;
    try {
      same = r.status === 0 && new crypto.X509Certificate(r.stdout).fingerprint256 === caX509.fingerprint256;
    } catch {
      same = false;
    }
    result.nss = same;
  } else if (!onPath("certutil")) {
    result.nss = "unknown: certutil (libnss3-tools) is not installed";
  } else {
    result.nss = false;
  }
  return result;
}

/** Exactly what to run so that browsers (and so Excel on the web) trust the CA. */
function trustSteps(caFile, where) {
  const ca = quote(caFile);
  if (where === "linux") {
    return [
      `Quick, for one browser session: while the server runs, open ${READY_URL} in the browser you use for Excel and accept the warning`,
      `(Advanced > Proceed to localhost). Trusting the CA once is more reliable, since Excel loads the add-in in frames:`,
      ``,
      `  Debian/Ubuntu system store (curl, Node, most tools):`,
      `    sudo cp ${ca} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
      `  Chrome, Chromium, Edge on Linux (NSS store; certutil comes with: sudo apt-get install -y libnss3-tools):`,
      `    mkdir -p $HOME/.pki/nssdb && ( [ -f $HOME/.pki/nssdb/cert9.db ] || certutil -d sql:$HOME/.pki/nssdb -N --empty-password )`,
      `    certutil -d sql:$HOME/.pki/nssdb -D -n ${NSS_NICKNAME} 2>/dev/null; certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n ${NSS_NICKNAME} -i ${ca}`,
      `  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import... ${caFile}`,
      `    and tick "Trust this CA to identify websites".`,
      `  Then restart the browser and check that ${READY_URL} opens without a warning.`,
    ];
  }
  if (where === "darwin") {
    return [
      `Trust the CA in your login keychain (you will be asked for your password), then restart Excel:`,
      `  security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db ${ca}`,
    ];
  }
  return [
    `Trust the CA for your Windows user (a security prompt asks to confirm), then restart Excel:`,
    `  certutil -user -addstore Root ${ca}`,
    `  (or in PowerShell: Import-Certificate -FilePath ${ca} -CertStoreLocation Cert:\\CurrentUser\\Root)`,
  ];
}

/** Makes a CA and a localhost certificate it signs, with openssl, in set.dir. */
function generateWithOpenssl(set) {
  fs.mkdirSync(set.dir, { recursive: true, mode: 0o700 });
  const caKey = path.join(set.dir, "ca.key");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-certs-"));
  const caCnf = path.join(tmp, "ca.cnf");
  const leafCnf = path.join(tmp, "leaf.cnf");
  const csr = path.join(tmp, "localhost.csr");
  fs.writeFileSync(
    caCnf,
    [
      "[req]",
      "distinguished_name = dn",
      "prompt = no",
      "x509_extensions = v3_ca",
      "[dn]",
      "CN = Home Business Planner Development CA",
      "O = Home Business Planner (development only)",
      "[v3_ca]",
      "basicConstraints = critical, CA:TRUE, pathlen:0",
      "keyUsage = critical, keyCertSign, cRLSign",
      "subjectKeyIdentifier = hash",
      "",
    ].join("\n")
  );
  fs.writeFileSync(
    leafCnf,
    [
      "[req]",
      "distinguished_name = dn",
      "prompt = no",
      "[dn]",
      "CN = localhost",
      "[v3_leaf]",
      "basicConstraints = critical, CA:FALSE",
      "keyUsage = critical, digitalSignature, keyEncipherment",
      "extendedKeyUsage = serverAuth",
      "subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1",
      "subjectKeyIdentifier = hash",
      "authorityKeyIdentifier = keyid, issuer",
      "",
    ].join("\n")
  );
  const run = (args) => {
    const r = spawnSync("openssl", args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${(r.stderr || String(r.error || "")).trim()}`);
  };
  try {
    run(["req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-sha256", "-days", "365", "-keyout", caKey, "-out", set.ca, "-config", caCnf]);
    run(["req", "-new", "-nodes", "-newkey", "rsa:2048", "-sha256", "-keyout", set.key, "-out", csr, "-config", leafCnf]);
    const serial = `0x${crypto.randomBytes(8).toString("hex")}`;
    run([
      "x509",
      "-req",
      "-in",
      csr,
      "-CA",
      set.ca,
      "-CAkey",
      caKey,
      "-set_serial",
      serial,
      "-days",
      "365",
      "-sha256",
      "-extfile",
      leafCnf,
      "-extensions",
      "v3_leaf",
      "-out",
      set.cert,
    ]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const f of [caKey, set.key]) fs.chmodSync(f, 0o600);
}

/**
 * Decides (and unless dry-running, makes) the certificate the dev server will use.
 * Returns { cert, key, ca, source, trusted: true | false | "unknown", notes: [], steps: [] }.
 */
async function resolveCertificates() {
  const notes = [];
  const use = (set, source, extra = {}) => ({ cert: set.cert, key: set.key, ca: fs.existsSync(set.ca) ? set.ca : undefined, source, notes, ...extra });

  // 0. The caller named a certificate.
  if (process.env.HBP_HTTPS_CERT && process.env.HBP_HTTPS_KEY) {
    const given = { cert: process.env.HBP_HTTPS_CERT, key: process.env.HBP_HTTPS_KEY, ca: process.env.HBP_HTTPS_CA || "" };
    const check = inspect(given);
    if (check.ok) return { ...given, ca: given.ca || undefined, source: "HBP_HTTPS_CERT / HBP_HTTPS_KEY (given)", trusted: "unknown", notes, steps: [] };
    notes.push(`HBP_HTTPS_CERT/HBP_HTTPS_KEY are set but unusable (${check.why}); looking for another certificate.`);
  }

  const withTrust = (set, source) => {
    const check = inspect(set);
    const caFile = check.ca ? set.ca : undefined;
    if (platform === "linux" && !check.ok) {
      notes.push("trust: a new CA is trusted nowhere until you add it (below)");
      return use(set, source, { trusted: false, steps: trustSteps(set.ca, "linux") });
    }
    if (platform === "linux") {
      const t = linuxTrust(check.ca);
      const trusted = t.nss === true || t.system;
      notes.push(
        `trust: system store ${t.system ? "yes" : "no"}; browser NSS store (${NSS_NICKNAME}) ${t.nss === true ? "yes" : t.nss === false ? "no" : t.nss}`
      );
      return use(set, source, {
        trusted: t.nss === true ? true : trusted ? "partly" : false,
        steps: t.nss === true ? [] : trustSteps(caFile || set.ca, "linux"),
      });
    }
    return use(set, source, { trusted: "unknown", steps: trustSteps(caFile || set.ca, platform) });
  };

  const officeFlow = certMode === "office" || (certMode === "auto" && desktopExcel);
  if (officeFlow) {
    if (dryRun) {
      const check = inspect(officeCerts);
      notes.push(
        check.ok
          ? `would run office-addin-dev-certs ensureCertificatesAreInstalled(): reuses ${officeCerts.dir} (valid until ${check.validTo}) if its CA is trusted, else re-creates and installs it`
          : `would run office-addin-dev-certs ensureCertificatesAreInstalled(): creates ${officeCerts.dir} and installs its CA (${check.why} now; the OS may ask for consent or a password)`
      );
      notes.push(
        `if that fails: reuse what it generated, else ${opensslAvailable() ? `generate with openssl into ${localCerts.dir}` : "openssl is not installed: no fallback"}`
      );
      return use(officeCerts, "office-addin-dev-certs (planned)", { trusted: "unknown", steps: [] });
    }
    try {
      const devCerts = require("office-addin-dev-certs");
      await devCerts.ensureCertificatesAreInstalled();
      if (inspect(officeCerts).ok) return use(officeCerts, "office-addin-dev-certs (installed and trusted)", { trusted: true, steps: [] });
      notes.push("office-addin-dev-certs reported success but its certificate files are unusable.");
    } catch (e) {
      notes.push(`office-addin-dev-certs could not install the certificate: ${String(e && e.message ? e.message : e).split("\n")[0]}`);
    }
    if (inspect(officeCerts).ok) return withTrust(officeCerts, "office-addin-dev-certs (generated, NOT trusted)");
  } else if (certMode === "auto") {
    // Linux (no desktop Excel): reuse, or generate without sudo.
    const office = inspect(officeCerts);
    if (office.ok) return withTrust(officeCerts, `office-addin-dev-certs certificate in ${officeCerts.dir}`);
    notes.push(`no usable certificate in ${officeCerts.dir} (${office.why})`);
    const local = inspect(localCerts);
    if (local.ok) return withTrust(localCerts, `certificate in ${localCerts.dir}`);
    notes.push(`no usable certificate in ${localCerts.dir} (${local.why})`);
    if (!fs.existsSync(officeCerts.ca)) {
      if (dryRun) {
        notes.push(
          `would generate the Office development certificate with office-addin-dev-certs into ${officeCerts.dir} (no sudo; you trust it yourself, see below)`
        );
        return withTrust(officeCerts, "office-addin-dev-certs (planned)");
      }
      try {
        const devCerts = require("office-addin-dev-certs");
        await devCerts.generateCertificates();
        if (inspect(officeCerts).ok) return withTrust(officeCerts, `office-addin-dev-certs certificate, new in ${officeCerts.dir}`);
        notes.push("office-addin-dev-certs generated unusable files.");
      } catch (e) {
        notes.push(`office-addin-dev-certs could not generate a certificate: ${String(e && e.message ? e.message : e).split("\n")[0]}`);
      }
    } else {
      notes.push(`leaving the existing ${officeCerts.dir} alone (run \`npx office-addin-dev-certs uninstall\` to start it afresh)`);
    }
  }

  // Fallback (or HBP_CERTS=openssl): openssl into .certs/.
  if (certMode === "openssl") {
    const local = inspect(localCerts);
    if (local.ok) return withTrust(localCerts, `certificate in ${localCerts.dir}`);
  }
  if (!opensslAvailable()) {
    return {
      source: "none",
      notes,
      trusted: false,
      steps: [
        `No usable certificate and openssl is not installed. Either:`,
        platform === "linux"
          ? `  sudo apt-get install -y openssl     (then npm start again)`
          : `  install OpenSSL (it comes with Git for Windows / Homebrew), then npm start again`,
        `  or run: npx office-addin-dev-certs install     (then npm start again)`,
        `  or point HBP_HTTPS_CERT and HBP_HTTPS_KEY at a localhost certificate and key you already have.`,
      ],
    };
  }
  if (dryRun) {
    notes.push(`would generate a development CA and localhost certificate with openssl into ${localCerts.dir}`);
    return withTrust(localCerts, "openssl (planned)");
  }
  try {
    generateWithOpenssl(localCerts);
  } catch (e) {
    return { source: "none", notes, trusted: false, steps: [`openssl could not make the certificate: ${e.message}`] };
  }
  if (!inspect(localCerts).ok) return { source: "none", notes, trusted: false, steps: [`openssl made ${localCerts.cert} but it is unusable.`] };
  return withTrust(localCerts, `openssl, new in ${localCerts.dir}`);
}

// ---------------------------------------------------------------- sideload instructions
function webSideloadSteps() {
  return [
    `Excel on the web (no desktop Excel on ${platform === "linux" ? "Linux" : "this machine"}): sideload manifest.xml by hand.`,
    `  1. Keep this terminal open: the add-in is served from ${ORIGIN} until you press Ctrl+C.`,
    `  2. In your browser, check that ${READY_URL} opens without a certificate warning (see Certificate above).`,
    `  3. Go to https://www.office.com, sign in, open Excel and create or open a workbook.`,
    `  4. Insert > Add-ins > My Add-ins (newer ribbons: Home > Add-ins > More Add-ins > My Add-ins),`,
    `     then Manage My Add-ins > Upload My Add-in.`,
    `  5. Browse to ${MANIFEST_ABS} and choose Upload.`,
    `  6. "Home Business Planner" appears on the Home tab (button "Business Planner"); type =BIZ. in a cell`,
    `     to list the functions.`,
    `  After changing manifest.xml, clear the browser cache and upload it again.`,
    `  Office docs, "Sideload Office Add-ins to Office on the web": ${SIDELOAD_WEB_DOCS}`,
  ];
}
function desktopManualSteps() {
  return platform === "darwin"
    ? [
        `Sideload by hand on macOS: copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
        `(create the folder if needed), restart Excel, then Home > Add-ins > Developer Add-ins (or Insert > My Add-ins).`,
        `  Docs: https://learn.microsoft.com/office/dev/add-ins/testing/sideload-an-office-add-in-on-mac`,
      ]
    : [
        `Sideload by hand on Windows: share the folder holding manifest.xml, add it as a Trusted Add-in Catalog`,
        `(File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs), restart Excel, then`,
        `Home > Add-ins > More Add-ins > Shared Folder.`,
        `  Docs: https://learn.microsoft.com/office/dev/add-ins/testing/create-a-network-shared-folder-catalog-for-task-pane-and-content-add-ins`,
      ];
}

// ---------------------------------------------------------------- dev server and sideloading
function webpackBin() {
  try {
    return require.resolve("webpack/bin/webpack.js");
  } catch {
    fail("webpack is not installed: run npm install");
  }
}
function debuggingCli() {
  try {
    return path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  } catch {
    return undefined;
  }
}

/** Is anything listening on the port already (IPv4 or IPv6 loopback)? */
function portBusy(port) {
  const probe = (host) =>
    new Promise((resolve) => {
      const s = net.connect({ host, port });
      s.setTimeout(1000);
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("timeout", () => (s.destroy(), resolve(false)));
      s.once("error", () => resolve(false));
    });
  return Promise.all([probe("127.0.0.1"), probe("::1")]).then((r) => r.some(Boolean));
}

/** One GET of url; resolves { status, fingerprint256 } or { error }. */
function probe(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, agent: false, timeout: 5000 }, (res) => {
      const peer = res.socket.getPeerCertificate();
      res.resume();
      resolve({ status: res.statusCode, fingerprint256: peer && peer.fingerprint256 });
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (e) => resolve({ error: e }));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// shutdown() ends the process itself once the server is down; main() just waits for it.
const waitForShutdown = () => new Promise(() => {});

function printPlan(certs) {
  heading(`Home Business Planner: npm start${dryRun ? " (dry run: nothing is written or started)" : noServe ? " (--no-serve)" : ""}`);
  console.log(`platform: ${platform}${platformOption ? ` (from --platform; this machine is ${process.platform})` : ""}`);
  console.log(`manifest: ${MANIFEST_ABS}`);
  heading("Certificate");
  console.log(`source: ${certs.source}`);
  if (certs.cert) console.log(`HBP_HTTPS_CERT=${certs.cert}\nHBP_HTTPS_KEY=${certs.key}${certs.ca ? `\nHBP_HTTPS_CA=${certs.ca}` : ""}`);
  for (const n of certs.notes) console.log(`- ${n}`);
  if (certs.trusted === true) console.log("trusted: yes");
  else if (certs.steps.length) {
    console.log(
      certs.trusted === "partly"
        ? "trusted: by the system store only, not by browsers yet. To finish:"
        : certs.trusted === false
          ? "trusted: no. To trust it:"
          : "If Excel or the browser reports a certificate error:"
    );
    for (const s of certs.steps) console.log(s ? `  ${s}` : "");
  }
  heading("Dev server");
  const hasConfig = fs.existsSync(path.join(root, "webpack.config.js"));
  console.log(
    `${noServe || dryRun ? "would run" : "running"}: webpack serve --mode development (HBP_DEV_SERVER=1)${hasConfig ? "" : "  [webpack.config.js is missing]"}`
  );
  console.log(`ready when ${READY_URL} answers (up to ${readyTimeoutMs / 1000} s)`);
  heading("Sideload");
  if (noSideload) console.log("--no-sideload: not launching Excel.");
  if (desktopExcel && !noSideload) {
    console.log(`${dryRun || noServe ? "would run" : "then"}: office-addin-debugging start ${MANIFEST} desktop --app excel --dev-server-port ${PORT}`);
    console.log(`on Ctrl+C: office-addin-debugging stop ${MANIFEST} desktop, then the server stops`);
  } else if (!dryRun && !noServe) {
    console.log(`when the server answers, the steps to sideload into ${desktopExcel ? "desktop Excel by hand" : "Excel on the web"} are printed.`);
  } else if (desktopExcel) {
    for (const l of desktopManualSteps()) console.log(l);
  } else {
    for (const l of webSideloadSteps()) console.log(l);
  }
}

async function main() {
  const certs = await resolveCertificates();
  printPlan(certs);
  if (dryRun || noServe) return 0;
  if (!certs.cert) {
    console.error("\nstart: no certificate for https://localhost:3000; see Certificate above.");
    return 1;
  }
  if (!fs.existsSync(path.join(root, "webpack.config.js"))) {
    console.error("\nstart: webpack.config.js is missing.");
    return 1;
  }
  if (await portBusy(PORT)) {
    console.error(
      `\nstart: port ${PORT} is already in use (an earlier \`npm start\`? stop it, or run \`npm stop\`). The manifest points at ${ORIGIN}, so the server must use that port.`
    );
    return 1;
  }

  heading("Starting the dev server (Ctrl+C to stop)");
  const env = {
    ...process.env,
    HBP_DEV_SERVER: "1",
    HBP_DEV_SERVER_PORT: String(PORT),
    HBP_HTTPS_CERT: certs.cert,
    HBP_HTTPS_KEY: certs.key,
  };
  if (certs.ca) env.HBP_HTTPS_CA = certs.ca;
  else delete env.HBP_HTTPS_CA;
  const server = spawn(process.execPath, [webpackBin(), "serve", "--mode", "development"], { cwd: root, env, stdio: "inherit" });
  let stopping = false;
  let sideloaded = false;
  let sideloader;
  const debugCli = debuggingCli();

  const serverExited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
  process.on("exit", () => {
    if (server.exitCode === null && server.signalCode === null) server.kill();
  });

  const stopDesktop = () => {
    if (!sideloaded || !debugCli) return;
    sideloaded = false;
    if (sideloader && sideloader.exitCode === null) sideloader.kill();
    console.log(`\nstart: office-addin-debugging stop ${MANIFEST} desktop`);
    spawnSync(process.execPath, [debugCli, "stop", MANIFEST, "desktop"], { cwd: root, stdio: "inherit", timeout: 60000 });
  };
  const shutdown = async (signal) => {
    if (stopping) {
      console.error("start: stopping now.");
      process.exit(130);
    }
    stopping = true;
    console.log(`\nstart: ${signal}: stopping.`);
    stopDesktop();
    if (server.exitCode === null && server.signalCode === null) server.kill(platform === "win32" ? undefined : "SIGTERM");
    const done = await Promise.race([serverExited, sleep(8000).then(() => null)]);
    if (!done) server.kill("SIGKILL");
    process.exit(0);
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) {
    try {
      process.on(sig, () => void shutdown(sig));
    } catch {
      /* signal not supported on this platform */
    }
  }

  // Wait for the first answer, unless the server dies first.
  const started = Date.now();
  let ready = false;
  let lastError;
  let hinted = false;
  while (!stopping && Date.now() - started < readyTimeoutMs) {
    const early = await Promise.race([serverExited, sleep(1000).then(() => null)]);
    if (early) {
      if (stopping) return waitForShutdown();
      console.error(`\nstart: the dev server exited (${early.signal || `code ${early.code}`}) before answering on ${READY_URL}.`);
      return early.code || 1;
    }
    const r = await probe(READY_URL);
    if (r.error) {
      lastError = r.error;
      if (!hinted && /wrong version number|EPROTO/i.test(`${r.error.code} ${r.error.message}`)) {
        hinted = true;
        console.warn(`start: ${ORIGIN} answers, but not with https: webpack.config.js must set devServer.server to "https".`);
      }
      continue;
    }
    if (r.status === 200) {
      ready = true;
      const ours = new crypto.X509Certificate(fs.readFileSync(certs.cert)).fingerprint256;
      if (r.fingerprint256 && r.fingerprint256 !== ours) {
        console.warn(`start: warning: the server does not present ${certs.cert}; webpack.config.js should use HBP_HTTPS_CERT and HBP_HTTPS_KEY.`);
      }
      break;
    }
    lastError = new Error(`HTTP ${r.status}`);
  }
  if (stopping) return waitForShutdown();
  if (!ready) {
    console.warn(
      `\nstart: ${READY_URL} did not answer within ${readyTimeoutMs / 1000} s (last: ${lastError ? lastError.message : "no answer"}). The server keeps running; check its output above.`
    );
  } else {
    heading(`Serving ${ORIGIN} (ready in ${Math.round((Date.now() - started) / 1000)} s)`);
    console.log(`task pane ${READY_URL}\nfunctions ${ORIGIN}/functions.json, ${ORIGIN}/functions.js\nhelp      ${ORIGIN}/help.html`);
  }

  if (desktopExcel && !noSideload && ready) {
    if (!debugCli) {
      console.warn("start: office-addin-debugging is not installed; sideload by hand:");
      for (const l of desktopManualSteps()) console.log(l);
    } else {
      console.log(`\nstart: office-addin-debugging start ${MANIFEST} desktop`);
      sideloaded = true;
      sideloader = spawn(process.execPath, [debugCli, "start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", String(PORT)], {
        cwd: root,
        env,
        stdio: "inherit",
      });
      sideloader.once("exit", (code) => {
        if (code && !stopping) {
          console.warn(`start: office-addin-debugging exited with code ${code}; the server keeps running. Sideload by hand:`);
          for (const l of desktopManualSteps()) console.log(l);
        }
      });
    }
  } else if (ready) {
    console.log("");
    for (const l of desktopExcel ? desktopManualSteps() : webSideloadSteps()) console.log(l);
    console.log("\nPress Ctrl+C to stop the server.");
  }

  const end = await serverExited;
  if (stopping) return waitForShutdown();
  console.error(`\nstart: the dev server exited (${end.signal || `code ${end.code}`}).`);
  stopDesktop();
  return end.code || 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`start: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  }
);
