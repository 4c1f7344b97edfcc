/**
 * Colour and SVG helpers for the product illustrations: one garment colour becomes a small palette
 * (shadow, deep interior, highlight, stitching, outline) so every drawing shades the same calm way,
 * whether the garment is off-white on the light backdrop or black.
 */
/** One drawing: its SVG body and any gradients or patterns it needs in <defs>. */
export interface Art {
  defs?: string;
  art: string;
}

export interface Paint {
  base: string;
  shade: string;
  deep: string;
  light: string;
  /** Seams and stitching: darker on light colours, lighter on dark ones. */
  line: string;
  outline: string;
  /** True for light garments, which need a contrasting detail colour (stripes, flowers). */
  pale: boolean;
  /** Prefix for ids inside one drawing, so several drawings can share a page. */
  id: string;
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  const channel = (x: number, y: number): string => Math.round(x + (y - x) * t).toString(16).padStart(2, '0');
  return `#${channel(ar, br)}${channel(ag, bg)}${channel(ab, bb)}`;
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function paint(hex: string, id: string): Paint {
  const lum = luminance(hex);
  const dark = lum < 0.06;
  return {
    base: hex,
    shade: dark ? mix(hex, '#000000', 0.35) : mix(hex, '#000000', 0.16),
    deep: dark ? mix(hex, '#000000', 0.55) : mix(hex, '#000000', 0.38),
    light: mix(hex, '#ffffff', dark ? 0.16 : 0.22),
    line: lum < 0.18 ? mix(hex, '#ffffff', 0.28) : mix(hex, '#000000', 0.3),
    outline: dark ? mix(hex, '#000000', 0.45) : mix(hex, '#000000', lum > 0.6 ? 0.2 : 0.3),
    pale: lum > 0.45,
    id,
  };
}


/** A filled shape with its outline and the shared light over it. */
export function body(d: string, p: Paint, fill = p.base): string {
  return `<path d="${d}" fill="${fill}" stroke="${p.outline}" stroke-width="1.6" stroke-linejoin="round"/>
  <path d="${d}" fill="url(#${p.id}-vol)"/>`;
}

export function flat(d: string, fill: string, extra = ''): string {
  return `<path d="${d}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

/** A line of stitching or a seam. */
export function seam(d: string, colour: string, width = 1.6, dashed = false, opacity = 0.8, cap: 'round' | 'butt' = 'round'): string {
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="${cap}" stroke-linejoin="round" stroke-opacity="${opacity}"${dashed ? ' stroke-dasharray="5 4"' : ''}/>`;
}

export function button(x: number, y: number, r: number, p: Paint, fill?: string): string {
  const colour = fill ?? (p.pale ? mix(p.base, '#000000', 0.25) : mix(p.base, '#ffffff', 0.45));
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}" stroke="${p.outline}" stroke-width="0.8"/>`;
}

/** Mirror an x coordinate around the drawing's centre line (x = 200). */
export const mirror = (x: number): number => 400 - x;
