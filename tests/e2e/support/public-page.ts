import type { Page } from "playwright-core";
import { HEADLINE_FIGURES, type HeadlineFigure } from "./public-api";

/** What a reader sees in one headline figure: the whole figure's text and the number in it. */
export interface ShownFigure {
  figure: HeadlineFigure;
  text: string;
  valueText: string;
}

export async function readHeadlineFigures(page: Page): Promise<ShownFigure[]> {
  return Promise.all(
    HEADLINE_FIGURES.map(async (figure) => {
      const container = page.getByTestId(`figure-${figure}`);
      await container.waitFor({ state: "visible" });
      return {
        figure,
        text: await container.innerText(),
        valueText: await container.getByTestId("figure-value").innerText(),
      };
    }),
  );
}

/** Only the Western digits of a formatted number: "3,214" and "3٬214" both become "3214". */
export function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, "");
}

export async function documentLanguage(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  const html = page.locator("html");
  return { lang: await html.getAttribute("lang"), dir: await html.getAttribute("dir") };
}
