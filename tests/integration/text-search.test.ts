import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { personalEffects, policeReports } from "@/db/schema";
import { getRemainsPage, LISTED_DESCRIPTION_LENGTH } from "@/lib/forensic/remains-list";
import { normaliseArabicText } from "@/lib/names/normalise-arabic";
import { getReportsPage } from "@/lib/people/report-list";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, uniqueSuffix } from "./support/factories";
import { readAs } from "./support/read-access";

const backends = await testBackends();

/** Spellings the query side and the stored side must normalise alike. */
const SPELLINGS = [
  "قَمِيصٌ أزرق",
  "  مفتاح   سيارة\tهيونداي ",
  "إبن آمنة ٱلمُؤمن ى ی ئ ک",
  "رقم ١٢٣ و ۴۵۶",
  "كتـــاب\u200f\u202bمكتوب\u2069",
  "ﻻ ﷲ",
  "Hyundai KEY",
];

describeOnEachBackend(backends, "normalised, trigram-matched text search", (database) => {
  const db = () => database().db;
  let hyundai = "";
  let shirt = "";
  let longDescription = "";

  beforeAll(async () => {
    const [first, second, third] = [await createRemains(db()), await createRemains(db()), await createRemains(db())];
    if (!first || !second || !third) throw new Error("no remains");
    hyundai = first.code;
    shirt = second.code;
    longDescription = "ساعة يد فضية نُقش على ظهرها اسم صاحبها وتاريخ زواجه في طرابلس";
    await db().insert(personalEffects).values([
      { remainsId: first.id, kind: "car_key", description: "مفتاح سيارة هيونداي بحلقة حمراء" },
      { remainsId: second.id, kind: "clothing", description: "قميص أزرق مخطط" },
      { remainsId: third.id, kind: "jewellery", description: longDescription },
    ]);
    await db().insert(personalEffects).values({ remainsId: third.id, kind: "other", description: "مسبحة" });
  });

  it("stores the same normal form the query is given", async () => {
    for (const spelling of SPELLINGS) {
      const [row] = await selectRows<{ normal: string }>(db(), sql`select normalise_arabic_text(${spelling}) as normal`);
      expect(row?.normal).toBe(normaliseArabicText(spelling));
    }
  });

  it("finds a body by an effect spelt another way: 'هونداي' finds 'هيونداي', 'قميص ازرق' finds 'قميص أزرق'", async () => {
    const codes = async (search: string) => (await getRemainsPage(readAs("forensic", "forensic.read"), db(), { sort: "code", search })).rows.map((row) => row.code);
    expect(await codes("هونداي")).toContain(hyundai);
    expect(await codes("قميص ازرق")).toContain(shirt);
    expect(await codes("قميص ازرق")).not.toContain(hyundai);
    expect(await codes("هونداي")).not.toContain(shirt);
  });

  it("lists each body's effects by kind and the start of their description", async () => {
    const [row] = (await getRemainsPage(readAs("forensic", "forensic.read"), db(), { sort: "code", search: "مسبحة" })).rows;
    expect(row?.effectsCount).toBe(2);
    expect(row?.effects).toEqual([
      { kind: "jewellery", description: longDescription.slice(0, LISTED_DESCRIPTION_LENGTH), shortened: true },
      { kind: "other", description: "مسبحة", shortened: false },
    ]);
  });

  it("filters police reports by the reporter's name normalised and trigram-matched", async () => {
    const reportNumber = `TXT-${uniqueSuffix()}`;
    await db().insert(policeReports).values([
      { reportNumber, filedOn: "2020-06-01", reporterName: "فاطمة الزرّوق", category: "disappearance" },
      { reportNumber: `${reportNumber}-B`, filedOn: "2020-06-02", reporterName: "سالم المبروك", category: "killing" },
    ]);
    const numbers = async (search: string) => (await getReportsPage(readAs("registrar", "people.read"), db(), { search })).rows.map((row) => row.reportNumber);
    expect(await numbers("فاطمه الزروق")).toEqual([reportNumber]);
    expect(await numbers("الزروك")).toEqual([reportNumber]);
    expect(await numbers(reportNumber)).toEqual([`${reportNumber}-B`, reportNumber]);
  });
});
