import type { SeedResult } from "@/lib/demo/seed";
import { DEMO_FAMILY_ACCESS } from "@/lib/demo/family-access";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/users";

export function printSeedSummary(description: string, result: Extract<SeedResult, { status: "seeded" }>): void {
  const { counts } = result;
  console.log(`Demo data ${result.replacedDemoData ? "replaced" : "loaded"} in ${description}:`);
  console.log(`  ${counts.graveSites} grave sites, ${counts.remains} remains, ${counts.personalEffects} personal effects`);
  console.log(`  ${counts.families} families, ${counts.missingPersons} missing persons, ${counts.referenceDonors} reference donors`);
  console.log(`  ${counts.dnaSamples} DNA samples, ${counts.policeReports} police reports, ${counts.identifications} identifications`);
}

export function printDemoAccounts(): void {
  console.log(`Demo accounts (each with the password ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.username.padEnd(10)} ${account.role}`);
  console.log("Demo families for the status portal (/ar/family), reference and access code:");
  for (const family of DEMO_FAMILY_ACCESS) console.log(`  ${family.reference}  ${family.code}`);
  console.log("All names, places and cases are invented for demonstration.");
}
