import { type Art, type Paint, body, flat, mix, seam } from './paint';

/** Bags, hats, scarves and belts; the drawing's centre line is x = 200. */

const METAL = '#a8a7a2';
const METAL_EDGE = '#5d5c58';
const LEATHER_PATCH = '#8d4d25';

function knit(p: Paint): string {
  return `<pattern id="${p.id}-knit" width="9" height="10" patternUnits="userSpaceOnUse"><path d="M1 2 L4.5 8 L8 2" fill="none" stroke="${p.line}" stroke-opacity="0.18" stroke-width="1.1"/></pattern>`;
}

function verticalRibs(x1: number, x2: number, y1: number, y2: number, step: number, p: Paint): string {
  let d = '';
  for (let x = x1 + step; x < x2; x += step) d += `M${x} ${y1} L${x} ${y2} `;
  return seam(d, p.line, 1.2, false, 0.4);
}

function tote(p: Paint): Art {
  const handle = 'M154 156 C150 44 250 44 246 156';
  return {
    art:
      seam('M166 156 C164 62 236 62 234 156', p.outline, 11, false, 1) +
      seam('M166 156 C164 62 236 62 234 156', p.shade, 8, false, 1) +
      body('M110 150 L290 150 L304 352 L96 352 Z', p) +
      body('M110 150 L290 150 L291 170 L109 170 Z', p) +
      seam('M110 164 L290 164', p.line, 1.1, true, 0.6) +
      seam(handle, p.outline, 11, false, 1) +
      seam(handle, p.base, 8, false, 1) +
      seam(handle, p.line, 1, true, 0.5) +
      seam('M150 190 C146 250 140 300 132 348 M252 186 C258 250 262 300 268 346', p.shade, 3, false, 0.25) +
      `<rect x="184" y="318" width="32" height="14" rx="1.5" fill="${p.pale ? '#2f4d3c' : '#efebe2'}" fill-opacity="0.9"/>`,
  };
}

function beanie(p: Paint): Art {
  return {
    defs: knit(p),
    art:
      body('M110 252 C108 156 150 112 200 112 C250 112 292 156 290 252 Z', p) +
      `<path d="M110 252 C108 156 150 112 200 112 C250 112 292 156 290 252 Z" fill="url(#${p.id}-knit)"/>` +
      seam('M200 114 L200 240 M200 114 C176 140 160 190 156 244 M200 114 C224 140 240 190 244 244', p.shade, 1.4, false, 0.45) +
      body('M100 238 L300 238 C304 238 306 242 306 246 L306 298 C306 302 302 306 298 306 L102 306 C98 306 94 302 94 298 L94 246 C94 242 96 238 100 238 Z', p) +
      verticalRibs(94, 306, 240, 304, 7, p) +
      `<rect x="182" y="258" width="36" height="26" rx="3" fill="${LEATHER_PATCH}" stroke="#5a2f16" stroke-width="1"/>` +
      `<rect x="185.5" y="261.5" width="29" height="19" rx="2" fill="none" stroke="#d8b48a" stroke-width="0.9" stroke-dasharray="2 2"/>`,
  };
}

function scarf(p: Paint): Art {
  const accent = p.pale ? mix(p.base, '#000000', 0.35) : mix(p.base, '#ffffff', 0.45);
  const fringe = (x1: number, x2: number, y: number, tilt: number): string => {
    let d = '';
    for (let x = x1 + 3; x < x2; x += 5) d += `M${x} ${y} L${x + tilt} ${y + 16} `;
    return seam(d, p.base, 2.6, false, 1) + seam(d, p.outline, 0.6, false, 0.5);
  };
  return {
    defs: knit(p),
    art:
      `<path d="M128 118 C128 66 272 66 272 118 C272 158 232 170 200 170 C168 170 128 158 128 118 Z M156 114 C156 92 244 92 244 114 C244 134 222 140 200 140 C178 140 156 134 156 114 Z" fill-rule="evenodd" fill="${p.base}" stroke="${p.outline}" stroke-width="1.6"/>` +
      body('M140 146 L196 160 L190 330 L130 326 Z', p) +
      `<path d="M140 146 L196 160 L190 330 L130 326 Z" fill="url(#${p.id}-knit)"/>` +
      seam('M134 298 L192 302 M133 308 L191 312', accent, 4, false, 0.9, 'butt') +
      fringe(130, 190, 327, -2) +
      body('M188 158 L246 146 L274 316 L218 326 Z', p) +
      `<path d="M188 158 L246 146 L274 316 L218 326 Z" fill="url(#${p.id}-knit)"/>` +
      seam('M214 294 L268 284 M216 304 L270 294', accent, 4, false, 0.9, 'butt') +
      fringe(218, 272, 320, 3),
  };
}

function cap(p: Paint): Art {
  return {
    art:
      body('M100 252 C98 168 150 118 214 118 C270 118 304 164 304 236 L304 252 Z', p) +
      seam('M214 120 C186 150 168 200 168 250 M214 120 C236 150 250 200 254 248 M214 120 C210 160 210 210 212 250', p.shade, 1.6, false, 0.6) +
      seam('M214 120 C190 152 174 200 174 250 M214 120 C232 152 244 200 248 248', p.line, 1, true, 0.45) +
      [[150, 176], [240, 168], [284, 200]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3" fill="${p.deep}"/>`).join('') +
      `<ellipse cx="214" cy="119" rx="10" ry="5" fill="${p.shade}" stroke="${p.outline}" stroke-width="1"/>` +
      body('M248 240 C290 226 346 232 364 252 C368 258 364 266 354 268 C318 272 280 270 250 262 Z', p, mix(p.base, '#000000', 0.06)) +
      seam('M258 248 C296 238 340 242 356 256', p.line, 1.1, true, 0.5) +
      body('M100 248 L304 248 L304 262 L100 262 Z', p, p.shade),
  };
}

function belt(p: Paint): Art {
  const strap = 'M70 234 C140 204 240 176 330 170 C344 169 352 178 352 186 C352 196 344 204 330 205 C246 212 150 238 80 266 Z';
  return {
    art:
      body(strap, p) +
      seam('M74 241 C144 212 242 184 330 178 M82 259 C150 230 246 204 330 198', p.line, 1.1, true, 0.6) +
      [296, 276, 256, 236].map((x, i) => `<ellipse cx="${x}" cy="${187 + i * 3.2}" rx="3.4" ry="3" fill="${p.deep}"/>`).join('') +
      body('M112 214 L128 208 L140 246 L124 252 Z', p, mix(p.base, '#000000', 0.08)) +
      `<rect x="46" y="214" width="46" height="62" rx="9" transform="rotate(-20 69 245)" fill="none" stroke="${METAL_EDGE}" stroke-width="9"/>` +
      `<rect x="46" y="214" width="46" height="62" rx="9" transform="rotate(-20 69 245)" fill="none" stroke="${METAL}" stroke-width="6"/>` +
      seam('M70 244 L102 232', METAL_EDGE, 6, false, 1) +
      seam('M70 244 L102 232', METAL, 3.6, false, 1),
  };
}

function backpack(p: Paint): Art {
  const strap = mix(p.base, '#000000', 0.15);
  return {
    art:
      seam('M184 92 C182 60 218 60 216 92', p.outline, 11, false, 1) +
      seam('M184 92 C182 60 218 60 216 92', strap, 8, false, 1) +
      body('M118 124 C118 96 142 84 200 84 C258 84 282 96 282 124 L288 330 C288 344 278 352 262 352 L138 352 C122 352 112 344 112 330 Z', p) +
      body('M118 120 C138 98 262 98 282 120 L284 204 C262 218 138 218 116 204 Z', p, mix(p.base, '#000000', 0.05)) +
      seam('M120 126 C140 106 260 106 280 126 M118 200 C140 212 260 212 282 200', p.line, 1.1, true, 0.5) +
      body('M148 150 L164 150 L164 244 L148 244 Z', p, strap) +
      body('M236 150 L252 150 L252 244 L236 244 Z', p, strap) +
      `<rect x="143" y="222" width="26" height="14" rx="2" fill="none" stroke="${METAL}" stroke-width="3.4"/>` +
      `<rect x="231" y="222" width="26" height="14" rx="2" fill="none" stroke="${METAL}" stroke-width="3.4"/>` +
      body('M142 258 L258 258 L262 324 C262 330 258 334 252 334 L148 334 C142 334 138 330 138 324 Z', p) +
      seam('M146 268 L254 268', METAL_EDGE, 2.2, false, 0.8) +
      flat('M240 264 h8 v14 h-8 Z', METAL),
  };
}

export function accessory(design: number, p: Paint): Art {
  switch (design % 6) {
    case 1:
      return beanie(p);
    case 2:
      return scarf(p);
    case 3:
      return cap(p);
    case 4:
      return belt(p);
    case 5:
      return backpack(p);
    default:
      return tote(p);
  }
}
