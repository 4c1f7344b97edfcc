import { type Art, type Paint, body, flat, mix, seam } from './paint';

/** Shoes, seen from the side, toe to the right; each design is centred and scaled into the frame. */

type Point = readonly [number, number];
const SOLE_WHITE = '#f4f1ea';
const RUBBER_DARK = '#2e2b29';

function framed(art: string, cx: number, cy: number, scale: number): string {
  return `<g transform="translate(200 200) scale(${scale}) translate(${-cx} ${-cy})">${art}</g>`;
}

/**
 * Lacing along the edge of a shoe's opening, from `a` to `b`: eyelets just below the edge and a lace
 * crossing over it at each one, as a lace looks from the side.
 */
function lacing(a: Point, b: Point, count: number, lace: string, eyelet: string, p: Paint): string {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const [nx, ny] = [-dy / length, dx / length]; // points down into the shoe
  let eyelets = '';
  let laces = '';
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count;
    const x = a[0] + dx * t;
    const y = a[1] + dy * t;
    eyelets += `<circle cx="${(x + nx * 7).toFixed(1)}" cy="${(y + ny * 7).toFixed(1)}" r="2.8" fill="${eyelet}" stroke="${p.outline}" stroke-width="0.8"/>`;
    laces += `M${(x + nx * 7 - dx / length * 3).toFixed(1)} ${(y + ny * 7 - dy / length * 3).toFixed(1)} L${(x - nx * 5 + dx / length * 6).toFixed(1)} ${(y - ny * 5 + dy / length * 6).toFixed(1)} `;
  }
  return eyelets + seam(laces, p.outline, 5.4, false, 0.55) + seam(laces, lace, 3.4, false, 1);
}

function sneaker(p: Paint): string {
  const sole = p.pale ? mix(SOLE_WHITE, '#000000', 0.04) : SOLE_WHITE;
  const lace = p.pale ? mix(p.base, '#000000', 0.12) : SOLE_WHITE;
  return (
    body('M164 226 C160 202 172 188 192 186 C206 186 212 194 208 206 L248 254 L176 244 Z', p, p.shade) +
    body('M80 290 C74 268 74 240 82 220 C98 212 118 222 140 226 C156 228 166 222 172 212 L180 214 L248 252 C282 262 318 266 338 274 C352 280 356 290 346 290 Z', p) +
    body('M80 290 C74 268 74 240 82 220 C98 226 114 252 118 290 Z', p, mix(p.base, '#000000', 0.08)) +
    body('M292 264 C318 266 342 272 348 284 L348 290 L288 290 C284 280 286 270 292 264 Z', p) +
    [0, 1, 2, 3].map((i) => `<circle cx="${304 + i * 10}" cy="${276 + (i % 2) * 4}" r="1.4" fill="${p.line}" fill-opacity="0.6"/>`).join('') +
    seam('M118 288 C122 278 146 272 184 270 C230 268 266 264 290 266', p.line, 1.3, true, 0.6) +
    lacing([178, 214], [248, 252], 4, lace, p.shade, p) +
    body('M70 290 L340 290 C352 290 358 298 356 306 C354 316 344 320 330 320 L86 320 C76 320 68 314 68 304 Z', p, sole) +
    seam('M76 297 L348 297', mix(sole, '#000000', 0.25), 1.1, true, 0.8)
  );
}

function canvasSneaker(p: Paint): string {
  const lace = p.pale ? mix(p.base, '#000000', 0.15) : SOLE_WHITE;
  return (
    body('M170 230 C168 210 178 200 194 200 C206 200 210 206 206 216 L244 256 L180 250 Z', p, p.shade) +
    body('M84 290 C80 272 80 252 86 236 C104 234 130 240 152 240 C164 240 170 234 176 224 L244 254 C270 264 300 270 322 276 C336 280 342 286 340 290 Z', p) +
    lacing([178, 226], [244, 256], 4, lace, '#b9b8b2', p) +
    body('M286 290 C296 270 326 268 346 284 L348 292 Z', p, SOLE_WHITE) +
    body('M74 290 L340 290 C352 290 356 298 354 306 C352 316 344 320 332 320 L86 320 C76 320 72 314 72 304 Z', p, SOLE_WHITE) +
    seam('M76 302 L352 302', p.pale ? '#243452' : p.base, 2.6, false, 0.9) +
    body('M92 252 L106 252 L106 268 L92 268 Z', p, SOLE_WHITE)
  );
}

function chelsea(p: Paint): string {
  const gusset = mix(p.base, '#000000', 0.45);
  let ribsD = '';
  for (let x = 146; x <= 176; x += 6) ribsD += `M${x} 140 L${x - 1 + (x - 160) * 0.1} 214 `;
  return (
    body('M98 150 L92 116 L108 116 L112 140 Z', p, p.shade) +
    body('M94 296 C90 250 92 190 96 150 C96 140 104 136 114 136 L176 136 C184 136 188 142 188 150 L192 228 C226 246 282 256 318 266 C338 272 348 282 346 292 L344 296 Z', p) +
    body('M140 136 L182 136 C180 170 178 198 168 216 C162 224 154 224 150 216 C142 198 140 170 140 136 Z', p, gusset) +
    seam(ribsD, '#000000', 1, false, 0.35) +
    seam('M192 234 C224 250 280 260 316 272', p.line, 1.2, true, 0.5) +
    body('M86 296 L344 296 C350 296 352 302 350 306 L346 310 L146 310 L146 322 L92 322 C88 322 86 318 86 314 Z', p, RUBBER_DARK) +
    seam('M92 300 L340 300', '#6a625c', 1, true, 0.9)
  );
}

function loafer(p: Paint): string {
  const sole = mix('#b88a55', '#000000', 0.2);
  return (
    body('M92 298 C88 280 88 258 94 242 C118 250 150 260 178 260 C196 260 208 252 222 244 C246 234 270 240 290 252 C314 264 338 272 348 286 C352 296 346 298 338 298 Z', p) +
    flat('M96 246 C120 254 150 264 178 264 C196 264 208 257 220 249 C206 263 194 269 178 269 C150 269 120 263 98 255 Z', p.deep) +
    body('M208 250 C218 244 230 240 240 240 L248 294 L220 296 Z', p, mix(p.base, '#000000', 0.12)) +
    `<rect x="222" y="254" width="16" height="6" rx="3" fill="${p.deep}"/>` +
    seam('M246 240 C276 244 312 260 338 282', p.line, 1.4, true, 0.7) +
    seam('M100 292 L340 292', p.line, 1.1, true, 0.45) +
    body('M86 298 L350 298 C354 298 354 306 348 306 L150 306 L150 322 L96 322 C90 322 88 318 88 314 Z', p, sole)
  );
}

function winterBoot(p: Paint): string {
  const lace = p.pale ? mix(p.base, '#000000', 0.25) : '#c9a03e';
  return (
    body('M90 296 C86 250 88 196 94 160 C94 150 100 144 110 144 L178 144 C188 144 192 150 192 160 L196 224 C232 242 290 254 324 264 C344 270 350 284 346 296 Z', p) +
    body('M92 146 C110 134 172 134 192 146 L192 164 C172 154 112 154 94 164 Z', p, p.shade) +
    body('M90 296 C86 270 88 248 92 232 C110 236 124 262 126 296 Z', p, mix(p.base, '#000000', 0.08)) +
    body('M250 296 C250 280 262 268 280 266 C310 268 338 278 348 290 L348 296 Z', p, mix(p.base, '#000000', 0.2)) +
    lacing([192, 160], [198, 232], 4, lace, '#9a9a96', p) +
    body('M82 296 L350 296 C358 296 358 318 346 320 L92 320 C84 320 80 314 80 306 Z', p, RUBBER_DARK) +
    seam('M96 316 l10 0 M122 316 l10 0 M148 316 l10 0 M174 316 l10 0 M200 316 l10 0 M226 316 l10 0 M252 316 l10 0 M278 316 l10 0 M304 316 l10 0 M330 316 l8 0', '#000000', 5, false, 0.5, 'butt')
  );
}

export function shoe(design: number, p: Paint): Art {
  switch (design % 5) {
    case 1:
      return { art: framed(canvasSneaker(p), 214, 258, 1.12) };
    case 2:
      return { art: framed(chelsea(p), 216, 226, 1.02) };
    case 3:
      return { art: framed(loafer(p), 218, 278, 1.12) };
    case 4:
      return { art: framed(winterBoot(p), 216, 230, 1.02) };
    default:
      return { art: framed(sneaker(p), 212, 254, 1.1) };
  }
}
