/**
 * Synthetic street photos for the photo-reuse (疑似重复使用) check: no real case photos are at hand, so
 * scenes are drawn with sharp from SVG, deterministically from a seed. A street is a long panorama
 * (sky, building facades with windows and shop signs, trees, lamp posts, pavement, road); a scene is a
 * camera view into it, with the case's problem (a street stall and a rubbish pile) in front of a shop.
 *
 * - `shoot(street, view)` renders one camera original (JPEG, with sensor noise), so a re-shot of the same
 *   scene differs by framing, light, passers-by and noise, as a second photo from the same spot does;
 * - `derive(original, kind)` makes the files a reused photo arrives as: the same bytes, re-encoded,
 *   cropped, exposure-shifted.
 *
 * Used by the calibration bench (bench/photo-reuse.bench.ts) and the API tests of the flag.
 */
import sharp from 'sharp';

/** Park–Miller style generator: the same seed gives the same street, on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Panorama units: the street is LENGTH wide and 1000 high; a 4:3 view is 1333 × 1000. */
const LENGTH = 6000;
const VIEW_W = 1333;
const VIEW_H = 1000;

export interface Street {
  seed: number;
  /** SVG elements of the fixed street (buildings, trees, road), in panorama units. */
  body: string;
  sky: [string, string];
  /** x of each shop front where a case's problem can stand. */
  spots: number[];
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h)},${Math.round(s)}%,${Math.round(l)}%)`;

/** One street of one palette: buildings of random width, height, colour, windows and signs. */
export function street(seed: number): Street {
  const rnd = random(seed);
  const hue = rnd() * 360;
  const parts: string[] = [];
  const spots: number[] = [];
  let x = -200;
  while (x < LENGTH + 200) {
    const w = 260 + rnd() * 380;
    const top = 80 + rnd() * 320;
    const h = (hue + (rnd() - 0.5) * 120 + 360) % 360;
    const light = 35 + rnd() * 45;
    parts.push(
      `<rect x="${x}" y="${top}" width="${w}" height="${700 - top}" fill="${hsl(h, 15 + rnd() * 45, light)}"/>`,
    );
    // Windows: a grid, lit or dark.
    const cols = Math.max(2, Math.floor(w / (55 + rnd() * 30)));
    const rows = Math.max(1, Math.floor((560 - top) / (70 + rnd() * 25)));
    const cw = w / cols;
    const rh = (560 - top) / rows;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const lit = rnd() < 0.25;
        parts.push(
          `<rect x="${x + c * cw + cw * 0.2}" y="${top + 20 + r * rh + rh * 0.15}" width="${cw * 0.6}" height="${rh * 0.55}" fill="${lit ? hsl(50, 70, 75) : hsl(210, 25, 18 + rnd() * 20)}"/>`,
        );
      }
    // Shop front: sign band, window, door.
    parts.push(
      `<rect x="${x + 10}" y="585" width="${w - 20}" height="45" fill="${hsl(rnd() * 360, 70, 30 + rnd() * 40)}"/>`,
    );
    parts.push(
      `<rect x="${x + 25}" y="635" width="${w * 0.55}" height="60" fill="${hsl(200, 30, 25 + rnd() * 25)}"/>`,
    );
    parts.push(
      `<rect x="${x + w * 0.7}" y="630" width="${w * 0.18}" height="70" fill="${hsl(20, 30, 15 + rnd() * 15)}"/>`,
    );
    spots.push(x + w * 0.45);
    x += w + rnd() * 30;
  }
  // Pavement with tile joints, kerb, road with lane marks.
  parts.push(`<rect x="-400" y="700" width="${LENGTH + 800}" height="90" fill="${hsl(hue, 8, 68)}"/>`);
  for (let t = -400; t < LENGTH + 400; t += 60)
    parts.push(`<rect x="${t}" y="700" width="3" height="90" fill="${hsl(hue, 8, 55)}"/>`);
  parts.push(`<rect x="-400" y="790" width="${LENGTH + 800}" height="12" fill="${hsl(0, 0, 85)}"/>`);
  parts.push(`<rect x="-400" y="802" width="${LENGTH + 800}" height="198" fill="${hsl(hue, 5, 28)}"/>`);
  for (let t = -400; t < LENGTH + 400; t += 260)
    parts.push(`<rect x="${t}" y="900" width="140" height="10" fill="${hsl(50, 80, 80)}"/>`);
  // Trees and lamp posts in front of the buildings.
  for (let t = 0; t < LENGTH; t += 300 + rnd() * 500) {
    if (rnd() < 0.6) {
      const r = 60 + rnd() * 50;
      parts.push(`<rect x="${t - 8}" y="${740 - 160}" width="16" height="160" fill="${hsl(25, 40, 22)}"/>`);
      parts.push(
        `<circle cx="${t}" cy="${740 - 160 - r * 0.6}" r="${r}" fill="${hsl(90 + rnd() * 40, 45, 25 + rnd() * 15)}"/>`,
      );
    } else {
      parts.push(`<rect x="${t - 4}" y="430" width="8" height="330" fill="${hsl(0, 0, 25)}"/>`);
      parts.push(`<rect x="${t - 4}" y="430" width="60" height="10" fill="${hsl(0, 0, 25)}"/>`);
    }
  }
  return { seed, body: parts.join(''), sky: [hsl(hue + 180, 50, 62), hsl(hue + 200, 35, 85)], spots };
}

/** The case's problem in front of a shop: a stall under a parasol and a pile of rubbish bags. */
function problem(x: number): string {
  return [
    `<rect x="${x - 90}" y="640" width="180" height="95" fill="hsl(12,70%,45%)"/>`,
    `<rect x="${x - 90}" y="640" width="180" height="14" fill="hsl(45,80%,60%)"/>`,
    `<polygon points="${x - 130},600 ${x + 130},600 ${x},520" fill="hsl(200,70%,45%)"/>`,
    `<rect x="${x - 3}" y="560" width="6" height="80" fill="hsl(0,0%,20%)"/>`,
    `<circle cx="${x + 150}" cy="735" r="38" fill="hsl(220,15%,15%)"/>`,
    `<circle cx="${x + 200}" cy="742" r="30" fill="hsl(130,40%,25%)"/>`,
    `<circle cx="${x + 175}" cy="710" r="26" fill="hsl(220,15%,20%)"/>`,
  ].join('');
}

/** Passers-by and parked cars: different in every shot. */
function transients(rnd: () => number, x0: number): string {
  const parts: string[] = [];
  const n = 2 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const x = x0 + rnd() * VIEW_W;
    if (rnd() < 0.5) {
      parts.push(
        `<rect x="${x}" y="${620 + rnd() * 40}" width="26" height="110" rx="10" fill="${hsl(rnd() * 360, 40, 20 + rnd() * 40)}"/>`,
      );
      parts.push(`<circle cx="${x + 13}" cy="${605 + rnd() * 40}" r="14" fill="hsl(25,35%,55%)"/>`);
    } else {
      const w = 260 + rnd() * 80;
      parts.push(
        `<rect x="${x}" y="${820 + rnd() * 40}" width="${w}" height="85" rx="20" fill="${hsl(rnd() * 360, 50, 25 + rnd() * 45)}"/>`,
      );
      parts.push(
        `<rect x="${x + w * 0.2}" y="${780 + rnd() * 20}" width="${w * 0.55}" height="50" rx="12" fill="hsl(200,20%,30%)"/>`,
      );
    }
  }
  return parts.join('');
}

/** One camera view: where it looks, how it is framed and lit, what stands in the street. */
export interface View {
  /** Left edge of the view in panorama units; shop `spot` i sits at `street.spots[i]`. */
  x: number;
  /** Zoom: 1 = a 1333-unit-wide view; 1.1 = 10 % wider (the photographer a step back). */
  zoom?: number;
  /** Vertical shift of the frame, in panorama units (a tilted phone). */
  dy?: number;
  /** Light: multiplies brightness (a cloud, the evening). */
  light?: number;
  /** x of the case's problem in the view, if it is still there. */
  problemAt?: number | null;
  /** Seed of passers-by, cars and sensor noise for this shot. */
  shot: number;
}

/** A camera original of `view` as a JPEG of `width` px (4:3), with sensor noise and no metadata. */
export async function shoot(s: Street, view: View, width = 1600): Promise<Buffer> {
  const rnd = random(s.seed * 7919 + view.shot);
  const zoom = view.zoom ?? 1;
  const vw = VIEW_W * zoom;
  const vh = VIEW_H * zoom;
  const vx = view.x - (vw - VIEW_W) / 2;
  const vy = (view.dy ?? 0) - (vh - VIEW_H) / 2;
  const height = Math.round((width * 3) / 4);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${vx} ${vy} ${vw} ${vh}" preserveAspectRatio="xMidYMid slice">`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.sky[0]}"/><stop offset="1" stop-color="${s.sky[1]}"/></linearGradient></defs>`,
    `<rect x="${vx - 10}" y="${vy - 10}" width="${vw + 20}" height="${vh + 20}" fill="url(#sky)"/>`,
    s.body,
    view.problemAt == null ? '' : problem(view.problemAt),
    transients(rnd, vx),
    '</svg>',
  ].join('');
  const { data, info } = await sharp(Buffer.from(svg))
    .modulate({ brightness: view.light ?? 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Sensor noise: a phone never writes the same pixels twice (the clamped view saturates at 0 and 255).
  const px = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  for (let i = 0; i < px.length; i++) px[i] = px[i]! + Math.round((rnd() + rnd() - 1) * 10);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/**
 * A close-up of a plain surface (a repainted wall, a swept pavement): a flat colour with faint joints,
 * light falling off across it and the lens darkening the corners. Different seeds are different surfaces.
 */
export async function plainSurface(seed: number, width = 1600): Promise<Buffer> {
  const rnd = random(seed * 104729 + 17);
  const height = Math.round((width * 3) / 4);
  const base = hsl(rnd() * 360, 5 + rnd() * 25, 45 + rnd() * 35);
  const brick = rnd() < 0.5;
  const joints: string[] = [];
  const step = 60 + rnd() * 60;
  for (let y = 0; y < 1000; y += step / (brick ? 2 : 1))
    joints.push(`<rect x="0" y="${y}" width="1333" height="3" fill="black" opacity="0.12"/>`);
  for (let x = 0; x < 1333; x += step)
    joints.push(
      `<rect x="${x}" y="0" width="3" height="1000" fill="black" opacity="${brick ? 0.05 : 0.12}"/>`,
    );
  const angle = rnd() * 360;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1333 1000">`,
    '<defs>',
    `<linearGradient id="light" gradientTransform="rotate(${angle.toFixed(1)} 0.5 0.5)"><stop offset="0" stop-color="white" stop-opacity="${(0.15 + rnd() * 0.25).toFixed(2)}"/><stop offset="1" stop-color="black" stop-opacity="${(0.1 + rnd() * 0.2).toFixed(2)}"/></linearGradient>`,
    '<radialGradient id="lens" cx="0.5" cy="0.5" r="0.75"><stop offset="0.45" stop-color="black" stop-opacity="0"/><stop offset="1" stop-color="black" stop-opacity="0.45"/></radialGradient>',
    '</defs>',
    `<rect width="1333" height="1000" fill="${base}"/>`,
    ...joints,
    '<rect width="1333" height="1000" fill="url(#light)"/>',
    '<rect width="1333" height="1000" fill="url(#lens)"/>',
    '</svg>',
  ].join('');
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const px = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  for (let i = 0; i < px.length; i++) px[i] = px[i]! + Math.round((rnd() + rnd() - 1) * 12);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** How a reused photo comes back: the same picture as another file. */
export const DERIVED_KINDS = [
  'identical',
  'reencoded-q40',
  'reencoded-half-q70',
  'reencoded-webp',
  'cropped-5pct',
  'cropped-10pct',
  'cropped-left-15pct',
  'darker-25pct',
  'brighter-30pct',
  'contrast-up',
] as const;
export type DerivedKind = (typeof DERIVED_KINDS)[number];

/** The family of a derived kind, as the calibration table groups them. */
export const derivedFamily = (k: DerivedKind) =>
  k === 'identical'
    ? 're-uploaded (identical file)'
    : k.startsWith('reencoded')
      ? 're-encoded (JPEG quality, size, WebP)'
      : k.startsWith('cropped')
        ? 'cropped'
        : 'exposure-shifted';

export async function derive(original: Buffer, kind: DerivedKind): Promise<Buffer> {
  const img = sharp(original);
  const { width = 0, height = 0 } = await img.metadata();
  const crop = (l: number, t: number, r: number, b: number) =>
    img
      .extract({
        left: Math.round(width * l),
        top: Math.round(height * t),
        width: Math.round(width * (1 - l - r)),
        height: Math.round(height * (1 - t - b)),
      })
      .jpeg({ quality: 85 })
      .toBuffer();
  switch (kind) {
    case 'identical':
      return Buffer.from(original);
    case 'reencoded-q40':
      return img.jpeg({ quality: 40 }).toBuffer();
    case 'reencoded-half-q70':
      return img
        .resize(Math.round(width / 2))
        .jpeg({ quality: 70 })
        .toBuffer();
    case 'reencoded-webp':
      return img.webp({ quality: 60 }).toBuffer();
    case 'cropped-5pct':
      return crop(0.05, 0.05, 0.05, 0.05);
    case 'cropped-10pct':
      return crop(0.1, 0.1, 0.1, 0.1);
    case 'cropped-left-15pct':
      return crop(0.15, 0, 0, 0);
    case 'darker-25pct':
      return img.modulate({ brightness: 0.75 }).jpeg({ quality: 85 }).toBuffer();
    case 'brighter-30pct':
      return img.modulate({ brightness: 1.3 }).jpeg({ quality: 85 }).toBuffer();
    case 'contrast-up':
      return img.linear(1.35, -40).jpeg({ quality: 85 }).toBuffer();
  }
}

/** A view of `s` centred on its shop `spot`, with the problem in place (the before-photo). */
export function caseView(s: Street, spot: number, shot: number): View {
  const at = s.spots[spot]!;
  return { x: at - VIEW_W / 2 + 60, problemAt: at, shot };
}

/**
 * Another photo of the same scene: a few per cent shifted, zoomed and relit, new passers-by; with
 * `cleaned` the problem is gone (the unit's after-photo).
 */
export function reshot(
  v: View,
  shot: number,
  opts: { cleaned: boolean; shift?: number; zoom?: number; light?: number },
): View {
  return {
    x: v.x + (opts.shift ?? 0.03) * VIEW_W,
    zoom: opts.zoom ?? 1,
    dy: 15,
    light: opts.light ?? 1,
    problemAt: opts.cleaned ? null : v.problemAt,
    shot,
  };
}

/** The same street, `frames` view-widths along (another shop front: a different scene). */
export function along(v: View, frames: number, shot: number): View {
  return { x: v.x + frames * VIEW_W, problemAt: null, shot };
}
