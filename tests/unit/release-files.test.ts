import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const scripts = (JSON.parse(fs.readFileSync(`${projectRoot}/package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;

describe("Next.js telemetry", () => {
  it("is off for every command that starts Next: the build, the development server and every npm run command", () => {
    // The build script runs behind the preload below, and `next build` inherits its environment.
    expect(scripts.build).toBe("tsx --import ./scripts/support/register-server-only.mjs scripts/build.ts");
    expect(scripts.dev).toMatch(/^NEXT_TELEMETRY_DISABLED=1 next dev/);
    // The preload of npm start, npm run demo (which builds) and the other commands.
    const environment = { ...process.env };
    delete environment.NEXT_TELEMETRY_DISABLED;
    const seen = execFileSync(process.execPath, ["--import", "./scripts/support/register-server-only.mjs", "-e", "process.stdout.write(process.env.NEXT_TELEMETRY_DISABLED ?? 'unset')"], {
      cwd: projectRoot,
      env: { ...environment, TARHUNA_ENV_FILE: undefined },
    }).toString();
    expect(seen).toBe("1");
  });
});

describe("the licence", () => {
  it("is the one package.json names, in full", () => {
    const license = (JSON.parse(fs.readFileSync(`${projectRoot}/package.json`, "utf8")) as { license: string }).license;
    expect(license).toBe("AGPL-3.0-or-later");
    const text = fs.readFileSync(`${projectRoot}/LICENSE`, "utf8");
    expect(text).toMatch(/^GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007/);
    expect(text).toContain("END OF TERMS AND CONDITIONS");
  });
});
