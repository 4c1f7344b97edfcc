import { type Art, type Paint, body, button, flat, mix, seam } from './paint';
import { ribs } from './tops';

/** Dresses and jackets, seen flat from the front; the drawing's centre line is x = 200. */

// ——— Dresses ———

const SLEEVELESS = 'M160 78 L178 78 C184 104 216 104 222 78 L240 78 C242 104 250 124 256 136 C250 160 242 176 240 190 L300 352 C268 362 132 362 100 352 L160 190 C158 176 150 160 144 136 C150 124 158 104 160 78 Z';
const WRAP = 'M176 78 L200 132 L224 78 L246 86 C262 92 276 108 284 132 L256 148 C250 166 244 180 240 190 L304 352 C270 362 130 362 96 352 L160 190 C156 180 150 166 144 148 L116 132 C124 108 138 92 154 86 Z';
const SHIRT_DRESS = 'M172 80 L228 80 L246 86 C262 92 276 108 284 132 L256 148 C250 166 244 180 240 190 L290 352 C262 360 138 360 110 352 L160 190 C156 180 150 166 144 148 L116 132 C124 108 138 92 154 86 Z';
const ROUND_SHORT = 'M176 78 C184 100 216 100 224 78 L246 86 C262 92 276 108 284 132 L256 148 C250 166 244 180 240 190 L300 352 C268 362 132 362 100 352 L160 190 C156 180 150 166 144 148 L116 132 C124 108 138 92 154 86 Z';
const KNIT_DRESS = 'M170 80 C180 100 220 100 230 80 L262 88 C280 94 290 106 294 122 L318 300 L292 306 L272 182 L278 342 L122 342 L128 182 L108 306 L82 300 L106 122 C110 106 120 94 138 88 Z';

function skirtFolds(p: Paint): string {
  return seam('M182 198 C178 260 168 310 156 354 M214 198 C220 262 232 312 246 354 M198 200 C198 270 196 320 196 356', p.shade, 3, false, 0.35);
}

function flowers(p: Paint, clip: string): { defs: string; art: string } {
  const petal = p.pale ? '#6c2534' : '#efebe2';
  const heart = p.pale ? '#c9a03e' : '#c9a03e';
  const flower = (x: number, y: number): string =>
    [0, 72, 144, 216, 288].map((a) => `<circle cx="${(x + 4 * Math.cos((a * Math.PI) / 180)).toFixed(1)}" cy="${(y + 4 * Math.sin((a * Math.PI) / 180)).toFixed(1)}" r="3" fill="${petal}" fill-opacity="0.9"/>`).join('') +
    `<circle cx="${x}" cy="${y}" r="2" fill="${heart}"/>`;
  return {
    defs: `<pattern id="${p.id}-flowers" width="36" height="36" patternUnits="userSpaceOnUse">${flower(9, 9)}${flower(27, 27)}</pattern>`,
    art: `<path d="${clip}" fill="url(#${p.id}-flowers)"/>`,
  };
}

export function dress(design: number, p: Paint): Art {
  const sleeveHems = seam('M120 134 L146 150 M280 134 L254 150', p.line, 1.4, true, 0.55);
  switch (design % 5) {
    case 0: {
      const tie = body('M158 194 C150 214 146 240 142 262 L152 264 C156 242 162 218 166 198 Z', p) + body('M164 196 C166 220 170 244 176 266 L166 268 C160 246 158 222 158 198 Z', p);
      return {
        art:
          body(WRAP, p) +
          flat('M176 78 L200 132 L224 78 C214 74 186 74 176 78 Z', p.deep) +
          seam('M200 132 L238 186', p.shade, 2.2, false, 0.8) +
          body('M160 184 L240 184 L240 196 L160 196 Z', p) +
          seam('M238 198 C236 260 232 310 228 358', p.shade, 2.2, false, 0.7) +
          skirtFolds(p) +
          sleeveHems +
          tie +
          flat('M156 186 h12 v12 h-12 Z', p.shade),
      };
    }
    case 1: {
      const buttons = [112, 140, 168, 222, 254].map((y) => button(200, y, 3, p)).join('');
      return {
        art:
          body(SHIRT_DRESS, p) +
          flat('M172 82 C184 74 216 74 228 82 L224 90 C212 84 188 84 176 90 Z', p.shade) +
          body('M195 100 L205 100 L205 354 L195 354 Z', p) +
          buttons +
          skirtFolds(p) +
          body('M158 184 L242 184 L242 198 L158 198 Z', p, mix(p.base, '#000000', 0.12)) +
          `<rect x="190" y="182" width="20" height="18" rx="2" fill="none" stroke="${mix(p.base, '#000000', 0.5)}" stroke-width="2"/>` +
          body('M178 82 L200 104 L186 124 L166 96 C168 90 172 85 178 82 Z', p) +
          body('M222 82 L200 104 L214 124 L234 96 C232 90 228 85 222 82 Z', p) +
          sleeveHems,
      };
    }
    case 3: {
      const texture = `<pattern id="${p.id}-knit" width="9" height="10" patternUnits="userSpaceOnUse"><path d="M1 2 L4.5 8 L8 2" fill="none" stroke="${p.line}" stroke-opacity="0.16" stroke-width="1.1"/></pattern>`;
      return {
        defs: texture,
        art:
          body(KNIT_DRESS, p) +
          `<path d="${KNIT_DRESS}" fill="url(#${p.id}-knit)"/>` +
          body('M122 342 L278 342 L278 360 L122 360 Z', p) +
          ribs([122, 342], [278, 342], [278, 360], [122, 360], 26, p) +
          body('M82 300 L108 306 L104 330 L78 324 Z', p) +
          body('M318 300 L292 306 L296 330 L322 324 Z', p) +
          flat('M170 80 C180 100 220 100 230 80 C216 74 184 74 170 80 Z', p.deep) +
          seam('M172 82 C182 102 218 102 228 82', p.shade, 8, false, 0.8, 'butt') +
          seam('M138 88 C130 120 128 150 128 182 M262 88 C270 120 272 150 272 182', p.shade, 1.4, false, 0.55),
      };
    }
    case 4: {
      const pattern = flowers(p, ROUND_SHORT);
      return {
        defs: pattern.defs,
        art:
          body(ROUND_SHORT, p) +
          pattern.art +
          body(ROUND_SHORT, p, 'none') +
          flat('M176 78 C184 100 216 100 224 78 C214 74 186 74 176 78 Z', p.deep) +
          seam('M160 190 C186 196 214 196 240 190', p.shade, 2, false, 0.7) +
          skirtFolds(p) +
          sleeveHems,
      };
    }
    default:
      return {
        art:
          body(SLEEVELESS, p) +
          flat('M178 78 C184 104 216 104 222 78 C214 74 186 74 178 78 Z', p.deep) +
          seam('M160 190 C186 196 214 196 240 190', p.shade, 2, false, 0.7) +
          skirtFolds(p),
      };
  }
}

// ——— Jackets ———

function jacketShape(hem: number): string {
  return `M168 78 L232 78 L280 92 C300 98 312 110 318 128 L346 300 L312 310 L296 196 L296 ${hem} L104 ${hem} L104 196 L88 310 L54 300 L82 128 C88 110 100 98 120 92 Z`;
}

function sleeveLines(from: number, to: number, step: number): string {
  let d = '';
  for (let t = from; t <= to; t += step) {
    const ox = 82 + (54 - 82) * t;
    const oy = 128 + (300 - 128) * t;
    const ix = 104 + (88 - 104) * t;
    const iy = 150 + (310 - 150) * t;
    d += `M${ox.toFixed(1)} ${oy.toFixed(1)} Q${((ox + ix) / 2).toFixed(1)} ${((oy + iy) / 2 + 4).toFixed(1)} ${ix.toFixed(1)} ${iy.toFixed(1)} `;
    d += `M${(400 - ox).toFixed(1)} ${oy.toFixed(1)} Q${(400 - (ox + ix) / 2).toFixed(1)} ${((oy + iy) / 2 + 4).toFixed(1)} ${(400 - ix).toFixed(1)} ${iy.toFixed(1)} `;
  }
  return d;
}

function zip(top: number, bottom: number): string {
  return (
    seam(`M200 ${top} L200 ${bottom}`, '#9a9a96', 4, false, 1, 'butt') +
    `<path d="M200 ${top} L200 ${bottom}" stroke="#5d5d5a" stroke-width="4" stroke-dasharray="1.5 2" fill="none"/>` +
    `<rect x="196" y="${top + 4}" width="8" height="16" rx="2" fill="#8a8a86" stroke="#4a4a48" stroke-width="0.8"/>`
  );
}

export function jacket(design: number, p: Paint): Art {
  switch (design % 4) {
    case 1: {
      const thread = p.pale ? '#8a6a2a' : mix('#c9a03e', p.base, 0.2);
      const shape = jacketShape(316);
      const pocket = (x: number): string =>
        body(`M${x} 150 L${x + 44} 150 L${x + 44} 194 L${x} 194 Z`, p) +
        body(`M${x - 2} 146 L${x + 46} 146 L${x + 46} 166 L${x + 22} 174 L${x - 2} 166 Z`, p) +
        seam(`M${x + 2} 150 L${x + 42} 150 L${x + 42} 162 L${x + 22} 169 L${x + 2} 162 Z`, thread, 1.2, true, 0.9) +
        button(x + 22, 166, 3.2, p, '#b08d4a');
      return {
        art:
          body(shape, p) +
          seam('M150 200 L150 296 M250 200 L250 296 M120 92 C112 130 104 170 104 196 M280 92 C288 130 296 170 296 196', thread, 1.3, true, 0.85) +
          body('M104 294 L296 294 L296 316 L104 316 Z', p) +
          seam('M106 298 L294 298 M106 312 L294 312', thread, 1.2, true, 0.85) +
          body('M194 96 L206 96 L206 316 L194 316 Z', p) +
          [122, 200, 240, 280, 305].map((y) => button(200, y, 3.6, p, '#b08d4a')).join('') +
          pocket(136) +
          pocket(220) +
          body('M56 296 L88 306 L90 292 L59 283 Z', p) +
          body('M344 296 L312 306 L310 292 L341 283 Z', p) +
          body('M172 80 L200 104 L180 134 L150 98 C156 88 164 82 172 80 Z', p) +
          body('M228 80 L200 104 L220 134 L250 98 C244 88 236 82 228 80 Z', p),
      };
    }
    case 2: {
      const shape = jacketShape(352);
      return {
        art:
          body('M138 112 C126 14 274 14 262 112 Z', p) +
          flat('M164 100 C158 42 242 42 236 100 Z', p.deep) +
          seam('M164 100 C158 42 242 42 236 100', p.shade, 7, false, 1, 'butt') +
          body(shape, p) +
                    body('M190 84 L210 84 L210 352 L190 352 Z', p) +
          [120, 170, 220, 270, 320].map((y) => `<circle cx="200" cy="${y}" r="3" fill="${p.shade}" stroke="${p.outline}" stroke-width="0.8"/>`).join('') +
          body('M118 252 L170 252 L170 270 L118 270 Z', p) +
          body('M230 252 L282 252 L282 270 L230 270 Z', p) +
          seam('M120 92 C112 130 104 170 104 196 M280 92 C288 130 296 170 296 196', p.shade, 1.4, false, 0.55) +
          seam('M184 96 L180 126 M216 96 L220 126', '#3a3a38', 1.4, false, 0.9) +
          `<rect x="176" y="124" width="8" height="10" rx="3" fill="#3a3a38"/><rect x="216" y="124" width="8" height="10" rx="3" fill="#3a3a38"/>`,
      };
    }
    case 3: {
      const shape = jacketShape(360);
      const buttons = [200, 244, 288].flatMap((y) => [button(182, y, 4.2, p), button(222, y, 4.2, p)]).join('');
      return {
        art:
          body(shape, p) +
          flat('M168 78 L200 178 L232 78 Z', p.deep) +
          seam('M212 178 L212 360', p.shade, 2, false, 0.8) +
          body('M168 78 L200 178 L190 182 L150 124 L160 112 L146 100 C150 90 160 82 168 78 Z', p) +
          body('M232 78 L200 178 L210 182 L250 124 L240 112 L254 100 C250 90 240 82 232 78 Z', p) +
          buttons +
          body('M116 282 L164 282 L164 296 L116 296 Z', p) +
          body('M236 282 L284 282 L284 296 L236 296 Z', p) +
          seam('M120 92 C112 130 104 170 104 196 M280 92 C288 130 296 170 296 196', p.shade, 1.4, false, 0.55) +
          seam('M58 286 L90 296 M342 286 L310 296', p.shade, 2, false, 0.6),
      };
    }
    default: {
      const shape = jacketShape(334);
      let quilt = '';
      for (let y = 122; y < 330; y += 30) quilt += `M104 ${y} C150 ${y + 7} 250 ${y + 7} 296 ${y} `;
      return {
        art:
          body(shape, p) +
          seam(quilt, p.shade, 2.4, false, 0.8) +
          seam(quilt.replace(/(\d+) C/g, '$1 C').replace(/M104 (\d+)/g, (_, y: string) => `M104 ${Number(y) + 4}`), p.light, 1, false, 0.25) +
          seam(sleeveLines(0.18, 0.9, 0.18), p.shade, 2.4, false, 0.8) +
          body('M104 322 L296 322 L296 336 L104 336 Z', p, p.shade) +
          body('M56 296 L88 306 L90 294 L59 285 Z', p, p.shade) +
          body('M344 296 L312 306 L310 294 L341 285 Z', p, p.shade) +
          body('M166 60 C184 54 216 54 234 60 L234 92 C216 98 184 98 166 92 Z', p) +
          flat('M168 62 C184 68 216 68 232 62 C216 56 184 56 168 62 Z', p.deep) +
          zip(68, 334),
      };
    }
  }
}
