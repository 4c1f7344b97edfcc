import { type Art, type Paint, body, button, flat, seam } from './paint';

/** Jeans, seen flat from the front, in five leg shapes; the centre line is x = 200. */

/** Left-leg x at the hip, the knee and the hem (outer, inner); the right leg mirrors it. */
interface Leg {
  hip: number;
  knee: [number, number];
  hem: [number, number];
}

const LEGS: readonly Leg[] = [
  { hip: 126, knee: [130, 190], hem: [132, 190] }, // straight
  { hip: 126, knee: [136, 188], hem: [144, 186] }, // slim
  { hip: 124, knee: [120, 196], hem: [110, 198] }, // wide
  { hip: 122, knee: [134, 190], hem: [148, 184] }, // tapered
  { hip: 126, knee: [138, 188], hem: [114, 196] }, // flared
];

const m = (x: number): number => 400 - x;

function blueish(hex: string): boolean {
  const value = Number.parseInt(hex.slice(1), 16);
  return (value & 255) > ((value >> 16) & 255) + 20;
}

function outline(leg: Leg): string {
  const [ko, ki] = leg.knee;
  const [ho, hi] = leg.hem;
  return (
    `M134 72 L266 72 L268 90 Q${m(leg.hip) + 2} 114 ${m(leg.hip)} 140 L${m(ko)} 250 L${m(ho)} 356 L${m(hi)} 356 L${m(ki)} 250 ` +
    `Q204 204 200 184 Q196 204 ${ki} 250 L${hi} 356 L${ho} 356 L${ko} 250 L${leg.hip} 140 Q${leg.hip - 2} 114 132 90 Z`
  );
}

export function jeans(design: number, p: Paint): Art {
  const leg = LEGS[design % LEGS.length] ?? LEGS[0] as Leg;
  const shape = outline(leg);
  // Blue denim gets the classic golden thread and a washed look; black and grey denim a grey thread.
  const denim = blueish(p.base);
  const thread = denim ? '#d2a24c' : '#9a9a96';
  const [ko, ki] = leg.knee;
  const [ho, hi] = leg.hem;
  const fade = `<radialGradient id="${p.id}-fade" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#ffffff" stop-opacity="${denim ? 0.26 : 0.12}"/>
      <stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
    <clipPath id="${p.id}-clip"><path d="${shape}"/></clipPath>`;
  const loops = [146, 178, 222, 254].map((x) => body(`M${x} 69 L${x + 7} 69 L${x + 7} 95 L${x} 95 Z`, p)).join('');
  const hems = `M${ho + 1} 346 L${hi - 1} 346 M${m(hi) + 1} 346 L${m(ho) - 1} 346`;
  const sideSeams = `M${leg.hip + 5} 142 L${ko + 5} 250 L${ho + 5} 352 M${m(leg.hip) - 5} 142 L${m(ko) - 5} 250 L${m(ho) - 5} 352`;
  const whiskers = 'M184 150 Q170 158 156 156 M186 160 Q174 168 160 168 M216 150 Q230 158 244 156 M214 160 Q226 168 240 168';
  return {
    defs: fade,
    art:
      body(shape, p) +
      `<g clip-path="url(#${p.id}-clip)">
        <ellipse cx="${(leg.hip + ki) / 2 + 6}" cy="205" rx="30" ry="70" fill="url(#${p.id}-fade)"/>
        <ellipse cx="${m((leg.hip + ki) / 2 + 6)}" cy="205" rx="30" ry="70" fill="url(#${p.id}-fade)"/>
      </g>` +
      seam(whiskers, '#ffffff', 2, false, denim ? 0.28 : 0.12) +
      seam(sideSeams, p.shade, 1.6, false, 0.7) +
      seam(hems, thread, 1.3, true, 0.9) +
      body('M134 72 L266 72 L268 90 L132 90 Z', p) +
      seam('M136 76 L264 76 M135 86 L265 86', thread, 1.1, true, 0.9) +
      seam('M150 90 Q154 120 127 128 M250 90 Q246 120 273 128', p.shade, 2, false, 0.9) +
      seam('M153 92 Q157 124 128 133 M247 92 Q243 124 272 133', thread, 1.1, true, 0.9) +
      seam('M234 94 L252 94 L252 112 L234 112', thread, 1.1, true, 0.8) +
      seam('M207 90 L207 150 Q207 166 196 172', p.shade, 2, false, 0.9) +
      seam('M212 92 L212 152 Q211 170 198 177', thread, 1.1, true, 0.9) +
      loops +
      button(200, 81, 5, p, '#b08d4a') +
      flat('M198 79 h4 v4 h-4 Z', '#7a6030'),
  };
}
