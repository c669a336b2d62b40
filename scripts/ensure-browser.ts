/**
 * Finds the Chromium the browser tests drive, or installs it the way `playwright install --with-deps`
 * would. Playwright's own browser downloads cannot work on our machines, so we use the distribution's
 * Chromium: on Debian/Ubuntu as root we run apt-get; anywhere else we print the exact command and fail.
 *
 *   node scripts/ensure-browser.ts      prints the browser path, exit 0; or explains, exit 1
 *
 * CHROMIUM_PATH overrides the search (for a Chrome installed elsewhere).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Paths where distributions put Chromium; the first is the one our CI installs. */
export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags that let Chromium run headless as root in a container with no GPU and no network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use, or undefined; shared by the Playwright config, the bench and this script. */
export function findBrowser(): string | undefined {
  const override = process.env.CHROMIUM_PATH;
  if (override) return executable(override) ? override : undefined;
  return CANDIDATES.find(executable);
}

function osRelease(): Record<string, string> {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return Object.fromEntries(
      text
        .split('\n')
        .map((l) => /^([A-Z_]+)=("?)(.*)\2$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] ?? '', m[3] ?? '']),
    );
  } catch {
    return {};
  }
}

/** The install command for this system, and whether we may run it ourselves. */
export function installPlan(): { command: string; canRun: boolean } {
  const os = osRelease();
  const family = `${os.ID ?? ''} ${os.ID_LIKE ?? ''}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (/\b(debian|ubuntu)\b/.test(family)) {
    // Ubuntu's `chromium` is a snap wrapper; it still provides /usr/bin/chromium.
    const command = 'apt-get update && apt-get install -y chromium';
    return { command: root ? command : `sudo sh -c '${command}'`, canRun: root };
  }
  if (/\b(fedora|rhel|centos)\b/.test(family)) return { command: 'sudo dnf install -y chromium', canRun: false };
  if (/\barch\b/.test(family)) return { command: 'sudo pacman -S chromium', canRun: false };
  if (process.platform === 'darwin') return { command: 'brew install --cask chromium  (then set CHROMIUM_PATH)', canRun: false };
  return { command: 'install Chromium with your package manager, then set CHROMIUM_PATH=/path/to/chromium', canRun: false };
}

/** Returns a working browser path, installing it when we are allowed to; throws with the command otherwise. */
export function ensureBrowser(): string {
  const found = findBrowser();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
  const plan = installPlan();
  if (!plan.canRun) {
    throw new Error(`No Chromium found (looked at ${process.env.CHROMIUM_PATH ?? CANDIDATES.join(', ')}).\nInstall it with:\n  ${plan.command}`);
  }
  console.log(`No Chromium found; installing: ${plan.command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}). Run it by hand:\n  ${plan.command}`);
  }
  const after = findBrowser();
  if (!after) throw new Error(`apt-get installed chromium but no browser is at ${CANDIDATES.join(', ')}`);
  return after;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const path = ensureBrowser();
    const version = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    console.log(`browser: ${path} (${version})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
