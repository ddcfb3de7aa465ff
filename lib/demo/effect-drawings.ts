import "server-only";
import sharp from "sharp";
import type { BelongingCategory, BelongingColour } from "@/lib/belongings/vocabulary";

/**
 * Demo photographs are drawings made here: a flat outline of the kind of thing on a plain card,
 * labelled DEMO. Never a photograph of remains or of a real person's belongings.
 */
const FILL: Partial<Record<BelongingColour, string>> = {
  black: "#2b2b2b", white: "#f4f1ea", grey: "#8d8d8d", brown: "#7a5230", beige: "#d9c7a3", red: "#b33a3a", green: "#4f7a4a",
  blue: "#3f62a8", navy: "#263a66", gold: "#c9a23a", silver: "#b8bcc2", yellow: "#e0c341", purple: "#6d4c8f",
};

const SHAPES: Partial<Record<BelongingCategory, string>> = {
  clothing_upper: '<path d="M120 70 L170 50 L230 50 L280 70 L320 130 L285 150 L270 125 L270 260 L130 260 L130 125 L115 150 L80 130 Z"/>',
  outerwear: '<path d="M115 65 L170 45 L200 80 L230 45 L285 65 L320 260 L245 260 L200 110 L155 260 L80 260 Z"/>',
  keys: '<circle cx="140" cy="150" r="45"/><rect x="180" y="140" width="130" height="20"/><rect x="280" y="160" width="12" height="25"/><rect x="255" y="160" width="12" height="18"/>',
  identity_document: '<rect x="90" y="80" width="220" height="140" rx="10"/><rect x="110" y="105" width="60" height="75" fill="#ffffff" opacity="0.6"/>',
  phone: '<rect x="150" y="55" width="100" height="190" rx="14"/><rect x="162" y="75" width="76" height="130" fill="#ffffff" opacity="0.5"/>',
  ring: '<circle cx="200" cy="160" r="70" fill="none" stroke-width="22"/><circle cx="200" cy="88" r="14"/>',
  watch: '<rect x="180" y="40" width="40" height="220" rx="8"/><circle cx="200" cy="150" r="55"/><circle cx="200" cy="150" r="42" fill="#ffffff" opacity="0.7"/>',
  jewellery: '<path d="M110 80 Q200 260 290 80" fill="none" stroke-width="8"/><circle cx="200" cy="172" r="14"/>',
  prayer_beads: '<g>' + Array.from({ length: 16 }, (_, index) => {
    const angle = (index / 16) * Math.PI * 2;
    return `<circle cx="${(200 + Math.cos(angle) * 75).toFixed(1)}" cy="${(140 + Math.sin(angle) * 75).toFixed(1)}" r="10"/>`;
  }).join("") + '<rect x="194" y="215" width="12" height="40"/></g>',
  wallet: '<rect x="100" y="95" width="200" height="120" rx="12"/><rect x="235" y="135" width="65" height="40" rx="6" opacity="0.7"/>',
};

const DEFAULT_SHAPE = '<rect x="120" y="80" width="160" height="140" rx="20"/>';

export function effectDrawingSvg(category: BelongingCategory, colour: BelongingColour | null | undefined): string {
  const fill = FILL[colour ?? "unknown"] ?? "#9a8f80";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
<rect width="400" height="300" fill="#ece8df"/>
<g fill="${fill}" stroke="${fill === "#f4f1ea" ? "#8d8d8d" : fill}" stroke-width="3">${SHAPES[category] ?? DEFAULT_SHAPE}</g>
<text x="390" y="290" font-family="sans-serif" font-size="18" text-anchor="end" fill="#57534e">DEMO drawing</text>
</svg>`;
}

/** The drawing as a PNG file, as a camera's picture would arrive at the upload. */
export function effectDrawingPng(category: BelongingCategory, colour: BelongingColour | null | undefined): Promise<Buffer> {
  return sharp(Buffer.from(effectDrawingSvg(category, colour))).png().toBuffer();
}
