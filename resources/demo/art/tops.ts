import { type Art, type Paint, body, button, flat, mix, seam } from './paint';

/** T-shirts, shirts and knitwear, seen flat from the front; the drawing's centre line is x = 200. */

/** Lines across a band (rib knit, cuffs): `count` lines from edge a→b to edge d→c of a quadrilateral. */
export function ribs(a: [number, number], b: [number, number], c: [number, number], d: [number, number], count: number, p: Paint): string {
  let out = '';
  for (let i = 1; i < count; i++) {
    const t = i / count;
    const x1 = a[0] + (b[0] - a[0]) * t;
    const y1 = a[1] + (b[1] - a[1]) * t;
    const x2 = d[0] + (c[0] - d[0]) * t;
    const y2 = d[1] + (c[1] - d[1]) * t;
    out += `M${x1.toFixed(1)} ${y1.toFixed(1)} L${x2.toFixed(1)} ${y2.toFixed(1)} `;
  }
  return seam(out, p.line, 1.2, false, 0.45);
}

function quad(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): string {
  return `M${a[0]} ${a[1]} L${b[0]} ${b[1]} L${c[0]} ${c[1]} L${d[0]} ${d[1]} Z`;
}

function band(a: [number, number], b: [number, number], c: [number, number], d: [number, number], count: number, p: Paint, fill = p.base): string {
  return body(quad(a, b, c, d), p, fill) + ribs(a, b, c, d, count, p);
}

// ——— T-shirts ———

const TEE_SHORT = 'M170 86 C180 110 220 110 230 86 L270 96 C284 100 294 108 302 120 L340 182 L304 204 L286 178 L286 322 C286 330 282 334 274 334 L126 334 C118 334 114 330 114 322 L114 178 L96 204 L60 182 L98 120 C106 108 116 100 130 96 Z';
const TEE_LONG = 'M170 86 C180 110 220 110 230 86 L270 96 C284 100 294 108 302 120 L326 196 L338 302 L310 308 L294 212 L286 186 L286 322 C286 330 282 334 274 334 L126 334 C118 334 114 330 114 322 L114 186 L106 212 L90 308 L62 302 L74 196 L98 120 C106 108 116 100 130 96 Z';
const TEE_V = 'M170 86 L200 134 L230 86 L270 96 C284 100 294 108 302 120 L340 182 L304 204 L286 178 L286 322 C286 330 282 334 274 334 L126 334 C118 334 114 330 114 322 L114 178 L96 204 L60 182 L98 120 C106 108 116 100 130 96 Z';

function teeDetails(p: Paint, long: boolean): string {
  const sleeves = long
    ? seam('M66 290 L92 296 M334 290 L308 296', p.line, 1.4, true, 0.55)
    : seam('M68 188 L102 208 M332 188 L298 208', p.line, 1.4, true, 0.55);
  const armholes = seam('M130 96 C122 126 116 154 114 178 M270 96 C278 126 284 154 286 178', p.shade, 1.4, false, 0.6);
  return armholes + sleeves + seam('M116 322 L284 322', p.line, 1.4, true, 0.55);
}

function crewNeck(p: Paint): string {
  return (
    flat('M170 86 C180 110 220 110 230 86 C214 78 186 78 170 86 Z', p.deep) +
    seam('M172 88 C182 110 218 110 228 88', p.shade, 7, false, 1, 'butt') +
    seam('M172 88 C182 110 218 110 228 88', p.line, 1, false, 0.5)
  );
}

function stripes(p: Paint, clip: string): { defs: string; art: string } {
  const colour = p.pale ? '#243452' : '#efebe2';
  let rows = '';
  for (let y = 112; y < 340; y += 24) rows += `M40 ${y} L360 ${y} `;
  return {
    defs: `<clipPath id="${p.id}-clip"><path d="${clip}"/></clipPath>`,
    art: `<g clip-path="url(#${p.id}-clip)">${seam(rows, colour, 9, false, 0.9)}</g>`,
  };
}

export function tshirt(design: number, p: Paint): Art {
  switch (design % 5) {
    case 1:
      return {
        art:
          body(TEE_V, p) +
          flat('M170 86 L200 134 L230 86 C214 80 186 80 170 86 Z', p.deep) +
          seam('M172 88 L200 130 L228 88', p.shade, 7, false, 1, 'butt') +
          teeDetails(p, false),
      };
    case 2:
      return { art: body(TEE_LONG, p) + crewNeck(p) + teeDetails(p, true) };
    case 3: {
      const lines = stripes(p, TEE_LONG);
      return { defs: lines.defs, art: body(TEE_LONG, p) + lines.art + body(TEE_LONG, p, 'none') + crewNeck(p) + teeDetails(p, true) };
    }
    case 4:
      return {
        art:
          body(TEE_SHORT, p) +
          flat('M170 86 C180 110 220 110 230 86 C214 80 186 80 170 86 Z', p.deep) +
          body('M194 100 L206 100 L206 164 L194 164 Z', p) +
          button(200, 122, 3.2, p) +
          button(200, 146, 3.2, p) +
          body('M168 84 C178 78 190 78 198 96 L186 122 L158 104 C160 94 163 88 168 84 Z', p) +
          body('M232 84 C222 78 210 78 202 96 L214 122 L242 104 C240 94 237 88 232 84 Z', p) +
          band([304, 204], [340, 182], [334, 172], [298, 194], 10, p) +
          band([96, 204], [60, 182], [66, 172], [102, 194], 10, p) +
          teeDetails(p, false),
      };
    default:
      return { art: body(TEE_SHORT, p) + crewNeck(p) + teeDetails(p, false) };
  }
}

// ——— Shirts ———

const SHIRT_LONG = 'M172 82 L228 82 L272 94 C292 100 302 110 308 126 L334 296 L306 304 L288 192 L288 310 C286 330 250 346 200 346 C150 346 114 330 112 310 L112 192 L94 304 L66 296 L92 126 C98 110 108 100 128 94 Z';
const SHIRT_SHORT = 'M172 82 L228 82 L272 94 C288 100 298 108 306 122 L340 184 L306 206 L288 182 L288 310 C286 330 250 346 200 346 C150 346 114 330 112 310 L112 182 L94 206 L60 184 L94 122 C102 108 112 100 128 94 Z';

function check(p: Paint, clip: string): { defs: string; art: string } {
  const dark = mix(p.base, '#000000', 0.45);
  const light = p.pale ? mix(p.base, '#000000', 0.2) : mix(p.base, '#ffffff', 0.5);
  return {
    defs: `<pattern id="${p.id}-check" width="40" height="40" patternUnits="userSpaceOnUse">
      <rect x="0" y="0" width="14" height="40" fill="${dark}" fill-opacity="0.35"/>
      <rect x="0" y="0" width="40" height="14" fill="${dark}" fill-opacity="0.35"/>
      <rect x="26" y="0" width="2" height="40" fill="${light}" fill-opacity="0.55"/>
      <rect x="0" y="26" width="40" height="2" fill="${light}" fill-opacity="0.55"/>
    </pattern>
    <clipPath id="${p.id}-clip"><path d="${clip}"/></clipPath>`,
    art: `<path d="${clip}" fill="url(#${p.id}-check)"/>`,
  };
}

function shirtFront(p: Paint, long: boolean, options: { pocket: boolean; buttonDown: boolean; pattern?: string }): string {
  const collarBack = flat('M170 84 C184 72 216 72 230 84 L226 92 C212 84 188 84 174 92 Z', p.shade);
  const leftWing = 'M176 84 L200 110 L184 132 L160 100 C162 92 168 87 176 84 Z';
  const rightWing = 'M224 84 L200 110 L216 132 L240 100 C238 92 232 87 224 84 Z';
  const buttons = [126, 164, 202, 240, 278, 314].map((y) => button(200, y, 3.4, p)).join('');
  const cuffs = long
    ? body('M66 296 L94 304 L96 292 L69 284 Z', p) + body('M334 296 L306 304 L304 292 L331 284 Z', p) + button(80, 296, 2.4, p) + button(320, 296, 2.4, p)
    : seam('M68 190 L102 212 M332 190 L298 212', p.line, 1.4, true, 0.55);
  const pocket = options.pocket
    ? body('M222 150 L256 150 L256 186 C256 190 252 193 248 193 L230 193 C226 193 222 190 222 186 Z', p) + seam('M222 158 L256 158', p.line, 1.2, true, 0.6)
    : '';
  const collarButtons = options.buttonDown ? button(186, 124, 2.2, p) + button(214, 124, 2.2, p) : '';
  return (
    collarBack +
    seam('M128 94 C124 130 114 160 112 192 M272 94 C276 130 286 160 288 192', p.shade, 1.4, false, 0.6) +
    body('M194 108 L206 108 L206 338 L194 338 Z', p, options.pattern ?? p.base) +
    buttons +
    pocket +
    cuffs +
    body(leftWing, p, options.pattern ?? p.base) +
    body(rightWing, p, options.pattern ?? p.base) +
    collarButtons
  );
}

export function shirt(design: number, p: Paint): Art {
  switch (design % 4) {
    case 1: {
      const pattern = check(p, SHIRT_LONG);
      return { defs: pattern.defs, art: body(SHIRT_LONG, p) + pattern.art + shirtFront(p, true, { pocket: true, buttonDown: false, pattern: `url(#${p.id}-check)` }) };
    }
    case 2: {
      const lapels =
        flat('M176 84 L200 150 L224 84 C212 78 188 78 176 84 Z', p.deep) +
        body('M172 82 L200 150 L188 152 L150 98 C156 90 164 84 172 82 Z', p) +
        body('M228 82 L200 150 L212 152 L250 98 C244 90 236 84 228 82 Z', p);
      const buttons = [176, 214, 252, 290].map((y) => button(200, y, 3.4, p)).join('');
      return {
        art:
          body(SHIRT_SHORT, p) +
          seam('M128 94 C120 124 114 154 112 182 M272 94 C280 124 286 154 288 182', p.shade, 1.4, false, 0.6) +
          seam('M200 152 L200 338', p.line, 1.4, false, 0.6) +
          buttons +
          seam('M68 190 L102 212 M332 190 L298 212', p.line, 1.4, true, 0.55) +
          lapels,
      };
    }
    case 3:
      return { art: body(SHIRT_LONG, p) + shirtFront(p, true, { pocket: false, buttonDown: false }) };
    default:
      return { art: body(SHIRT_LONG, p) + shirtFront(p, true, { pocket: true, buttonDown: true }) };
  }
}

// ——— Knitwear ———

const SWEATER = 'M166 84 C178 108 222 108 234 84 L278 94 C298 100 310 112 316 130 L346 292 L312 302 L292 198 L292 306 L108 306 L108 198 L88 302 L54 292 L84 130 C90 112 102 100 122 94 Z';

function knitTexture(p: Paint, clip: string): { defs: string; art: string } {
  return {
    defs: `<pattern id="${p.id}-knit" width="9" height="10" patternUnits="userSpaceOnUse">
      <path d="M1 2 L4.5 8 L8 2" fill="none" stroke="${p.line}" stroke-opacity="0.16" stroke-width="1.1"/>
    </pattern>`,
    art: `<path d="${clip}" fill="url(#${p.id}-knit)"/>`,
  };
}

function sweaterBands(p: Paint): string {
  return (
    band([108, 306], [292, 306], [290, 340], [110, 340], 30, p) +
    band([312, 302], [346, 292], [352, 322], [318, 332], 6, p) +
    band([88, 302], [54, 292], [48, 322], [82, 332], 6, p) +
    seam('M122 94 C114 130 108 170 108 198 M278 94 C286 130 292 170 292 198', p.shade, 1.6, false, 0.55)
  );
}

function cables(p: Paint): string {
  let d = '';
  for (const x of [150, 200, 250]) {
    for (let y = 120; y < 300; y += 24) d += `M${x - 9} ${y} C${x - 9} ${y + 12} ${x + 9} ${y + 12} ${x + 9} ${y + 24} M${x + 9} ${y} C${x + 9} ${y + 10} ${x + 3} ${y + 12} ${x + 1} ${y + 13} `;
    d += `M${x - 17} 112 L${x - 17} 304 M${x + 17} 112 L${x + 17} 304 `;
  }
  return seam(d, p.shade, 3.2, false, 0.85) + seam(d, p.light, 1, false, 0.35);
}

export function knitwear(design: number, p: Paint): Art {
  const texture = knitTexture(p, SWEATER);
  const base = body(SWEATER, p) + texture.art;
  const crew =
    flat('M166 84 C178 108 222 108 234 84 C218 76 182 76 166 84 Z', p.deep) +
    seam('M168 86 C180 110 220 110 232 86', p.base, 12, false, 1, 'butt') +
    seam('M168 86 C180 110 220 110 232 86', p.shade, 12, false, 0.35, 'butt');
  switch (design % 5) {
    case 1: {
      const collar = body('M164 54 C180 48 220 48 236 54 L240 96 C222 106 178 106 160 96 Z', p) + ribs([164, 54], [236, 54], [240, 96], [160, 96], 16, p) + flat('M166 56 C182 62 218 62 234 56 C220 50 180 50 166 56 Z', p.deep);
      return { defs: texture.defs, art: base + sweaterBands(p) + collar };
    }
    case 2: {
      const opening = flat('M166 84 L200 196 L234 84 C218 76 182 76 166 84 Z', p.shade) + flat('M170 84 C184 92 216 92 230 84 C216 78 184 78 170 84 Z', p.deep);
      const bands = body('M166 84 L196 196 L196 340 L186 340 L186 202 L156 88 Z', p) + body('M234 84 L204 196 L204 340 L214 340 L214 202 L244 88 Z', p);
      const buttons = [214, 246, 278, 310].map((y) => button(209, y, 3.6, p)).join('');
      return { defs: texture.defs, art: base + sweaterBands(p) + opening + bands + seam('M200 196 L200 340', p.deep, 2, false, 0.9) + buttons };
    }
    case 3: {
      const neck = flat('M166 84 L200 150 L234 84 C218 76 182 76 166 84 Z', p.deep) + seam('M168 86 L200 146 L232 86', p.shade, 11, false, 0.85, 'butt') + seam('M168 86 L200 146 L232 86', p.line, 1, false, 0.4);
      return { defs: texture.defs, art: base + sweaterBands(p) + neck };
    }
    case 4:
      return { defs: texture.defs, art: base + cables(p) + sweaterBands(p) + crew };
    default:
      return { defs: texture.defs, art: base + sweaterBands(p) + crew };
  }
}
