import { randomInt } from "node:crypto";
import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { FAMILY_FREE_TRIES } from "@/lib/family-portal/sign-in-throttle";
import { startAppServer } from "../tests/e2e/support/app-server";

/**
 * `npm run load [-- --smoke]`: a bounded loopback load run against the production build (run
 * `npm run build` first) on a throw-away PostgreSQL database with the demo data (TEST_POSTGRES_URL,
 * default postgres://postgres@127.0.0.1:5432/test). While visitors load the public page, an
 * attacker guesses one family's access code as fast as the portal answers, claiming a new
 * X-Forwarded-For address on every guess (the server ignores it: scripts/serve.mjs takes the
 * connection's address unless the connection comes from a proxy listed in TRUSTED_PROXIES). Afterwards the
 * refused-attempt counts (per address, hour and reason) say how many guesses were actually checked
 * against the code; the portal allows one address FAMILY_FREE_TRIES at a reference before it waits.
 * Exits 1 when the public page had any error, the attacker got more tries than the limit, or an
 * address the attacker claimed was believed.
 */
const smoke = process.argv.includes("--smoke");
const SECONDS = smoke ? 3 : Number(process.env.LOAD_SECONDS ?? 20);
const VISITORS = smoke ? 4 : Number(process.env.LOAD_CONNECTIONS ?? 10);
const ATTACKERS = smoke ? 2 : 4;

function randomCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

function publicPageRun(baseUrl: string): Promise<Result> {
  return autocannon({ url: `${baseUrl}/ar`, connections: VISITORS, duration: SECONDS });
}

function bruteForceRun(baseUrl: string, reference: string): Promise<Result> {
  let guess = 0;
  return autocannon({
    url: `${baseUrl}/ar/family/sign-in`,
    connections: ATTACKERS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          guess += 1;
          const body = new URLSearchParams({ reference, code: randomCode() }).toString();
          return {
            ...request,
            body,
            headers: { ...request.headers, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `198.51.${(guess >> 8) & 255}.${guess & 255}` },
          };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const server = await startAppServer({ database: "postgres" });
  const sql = postgres(server.databaseUrl ?? "", { max: 1, onnotice: () => {} });
  try {
    const [family] = await sql<{ reference: string }[]>`select reference from families where access_code_hash is not null order by reference limit 1`;
    if (!family) throw new Error("the demo data has no family with an access code");
    const [visitors, attacker] = await Promise.all([publicPageRun(server.baseUrl), bruteForceRun(server.baseUrl, family.reference)]);
    // Only the attacker tries the portal during the run, so every refusal counted is one of its guesses.
    const refusals = await sql<{ reason: string; count: number }[]>`
      select replace(reason, 'familyPortal.', '') as reason, sum(attempts)::int as count from refused_attempts
      where reason like 'familyPortal.%' group by 1 order by 1`;
    const checked = refusals.find((row) => row.reason === "wrongCode")?.count ?? 0;
    // Every guess claimed a new X-Forwarded-For address; the server believes none of them.
    const [addresses] = await sql<{ count: number }[]>`
      select count(distinct address_key)::int as count from refused_attempts where reason like 'familyPortal.%'`;
    const publicErrors = visitors.errors + visitors.timeouts + visitors.non2xx;
    console.log(JSON.stringify({
      seconds: SECONDS,
      publicPage: { connections: VISITORS, requests: visitors.requests.total, p50ms: visitors.latency.p50, p99ms: visitors.latency.p99, maxMs: visitors.latency.max, errors: visitors.errors, timeouts: visitors.timeouts, non2xx: visitors.non2xx },
      bruteForce: { connections: ATTACKERS, reference: family.reference, guessesSent: attacker.requests.total, p99ms: attacker.latency.p99, refusalsByReason: Object.fromEntries(refusals.map((row) => [row.reason, row.count])), guessesChecked: checked, limit: FAMILY_FREE_TRIES, addressesClaimed: attacker.requests.total, addressesRecorded: addresses?.count ?? 0 },
    }, null, 2));
    if (publicErrors > 0) throw new Error(`the public page answered ${publicErrors} requests with an error`);
    if (checked > FAMILY_FREE_TRIES) throw new Error(`${checked} guesses were checked; the limit is ${FAMILY_FREE_TRIES}`);
    if ((addresses?.count ?? 0) > 1) throw new Error(`the audit log recorded ${addresses?.count} addresses for one attacker: a claimed X-Forwarded-For was believed`);
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
