import { describe, expect, it } from "vitest";
import { fillTemplate } from "@/lib/i18n/fill-template";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";

// The public map fills its labels in the browser without next-intl (no catalogue in its bundle).
describe("the public map's counts, filled in the browser", () => {
  it("agree with their noun in Arabic and English", () => {
    expect(fillTemplate(ar.Map.siteCounts, { recovered: 116, identified: 6 }, "ar")).toBe("116 جثماناً مستخرجاً، تم التعرف على 6");
    expect(fillTemplate(ar.Map.siteCounts, { recovered: 2, identified: 0 }, "ar")).toBe("جثمانان مستخرجان، تم التعرف على 0");
    expect(fillTemplate(ar.Map.siteCounts, { recovered: 5, identified: 1 }, "ar")).toBe("5 جثامين مستخرجة، تم التعرف على 1");
    expect(fillTemplate(en.Map.siteCounts, { recovered: 1, identified: 1 }, "en")).toBe("1 body recovered, 1 identified");
    expect(fillTemplate(ar.Map.clusterCounts, { sites: 3, recovered: 40, identified: 2 }, "ar")).toBe(
      "3 مواقع مقابر متقاربة: 40 جثماناً مستخرجاً، تم التعرف على 2. اختره للتكبير.",
    );
  });

  it("writes numbers as the rest of the page does", () => {
    expect(fillTemplate(en.Map.siteCounts, { recovered: 12500, identified: 3 }, "en")).toBe("12,500 bodies recovered, 3 identified");
  });
});
