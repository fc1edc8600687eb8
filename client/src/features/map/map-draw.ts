/**
 * Map drawing
 * ===========
 *
 * Draws the Map tab on a canvas, offline: the world's land and borders from `world-atlas` (Natural Earth, 1:50m,
 * bundled as an asset of the explorer) projected with d3-geo, then visits as arcs from the visitor's country to the
 * place, then the places as dots sized by their events, and the names of the busiest. Pure drawing: the view
 * (projection, pan and zoom) and the data come in; nothing here fetches or touches the store.
 */
import { type GeoPermissibleObjects, type GeoProjection, geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { MapPlace, PlacesDto } from "../../../../contracts/places";

/** The world outline: land shapes and the borders between countries, as GeoJSON. */
export interface WorldShapes {
  land: GeoPermissibleObjects;
  borders: GeoPermissibleObjects;
}

/** Pan and zoom on top of the fitted projection: screen = projected × k + (x, y). */
export interface MapTransform {
  k: number;
  x: number;
  y: number;
}

/** A dot as drawn, in screen pixels (for clicks and for tests). */
export interface DrawnDot {
  id: string;
  x: number;
  y: number;
  r: number;
  highlighted: boolean;
}

/** Colours of the map, read from CSS custom properties so the dark theme has its own. */
export interface MapColors {
  /** Around the globe's outline. */
  space: string;
  sea: string;
  land: string;
  border: string;
  graticule: string;
  dot: string;
  country: string;
  highlight: string;
  arc: string;
  label: string;
  halo: string;
}

/** Names drawn beside the busiest places only, so labels do not bury the dots. */
const LABELLED = 14;

/** A dot's radius in pixels for a count of events: its area grows with the count. */
export function dotRadius(events: number): number {
  return events > 0 ? 3 + 2.6 * Math.sqrt(events) : 3;
}

/**
 * A projection fitted to the places (with room around them, and never closer than a region of about 40° by 25°,
 * so one place still shows the countries around it), or to the whole world when there are none.
 */
export function fitProjection(places: MapPlace[], width: number, height: number): GeoProjection {
  const projection = geoNaturalEarth1();
  const pad = Math.min(40, Math.min(width, height) / 8);
  const extent: [[number, number], [number, number]] = [
    [pad, pad],
    [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
  ];
  if (places.length === 0) return projection.fitExtent(extent, { type: "Sphere" });
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const [cLon, cLat] = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  const halfLon = Math.min(180, Math.max(20, (maxLon - minLon) / 2 + 6));
  const halfLat = Math.min(85, Math.max(12.5, (maxLat - minLat) / 2 + 4));
  const corners: [number, number][] = [
    [cLon - halfLon, Math.max(-85, cLat - halfLat)],
    [cLon + halfLon, Math.min(85, cLat + halfLat)],
    [cLon - halfLon, Math.min(85, cLat + halfLat)],
    [cLon + halfLon, Math.max(-85, cLat - halfLat)],
  ];
  return projection.fitExtent(extent, { type: "MultiPoint", coordinates: corners });
}

/** Everything one frame needs. */
export interface MapFrame {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  projection: GeoProjection;
  transform: MapTransform;
  world: WorldShapes | null;
  data: PlacesDto;
  /** Ids of the places the selection took part in (empty: nothing selected, nothing dimmed). */
  highlighted: Set<string> | null;
  colors: MapColors;
}

/** The geography of one fitted projection, as paths in projected coordinates. */
interface Outline {
  world: WorldShapes | null;
  sphere: Path2D;
  graticule: Path2D;
  land: Path2D | null;
  borders: Path2D | null;
}

/**
 * Outlines by projection: panning and zooming only change the canvas transform, so the world's hundred thousand
 * points are projected once per fit instead of once per frame (a pan in software rendering was 1.5 frames/s).
 */
const outlines = new WeakMap<GeoProjection, Outline>();

function outlineOf(projection: GeoProjection, world: WorldShapes | null): Outline {
  const cached = outlines.get(projection);
  if (cached && cached.world === world) return cached;
  const path = geoPath(projection);
  const toPath = (shape: GeoPermissibleObjects) => new Path2D(path(shape) ?? "");
  const outline: Outline = {
    world,
    sphere: toPath({ type: "Sphere" }),
    graticule: toPath(geoGraticule10()),
    land: world ? toPath(world.land) : null,
    borders: world ? toPath(world.borders) : null,
  };
  outlines.set(projection, outline);
  return outline;
}

/** Draws a frame; returns the dots as drawn (screen pixels). */
export function drawMap(frame: MapFrame): DrawnDot[] {
  const { ctx, width, height, pixelRatio, projection, transform, world, data, highlighted, colors } = frame;
  const { k } = transform;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = colors.space;
  ctx.fillRect(0, 0, width, height);
  // Geography in projected coordinates under the pan and zoom; line widths divided by k stay one pixel wide.
  ctx.setTransform(pixelRatio * k, 0, 0, pixelRatio * k, pixelRatio * transform.x, pixelRatio * transform.y);
  const outline = outlineOf(projection, world);
  ctx.fillStyle = colors.sea;
  ctx.fill(outline.sphere);
  ctx.strokeStyle = colors.graticule;
  ctx.lineWidth = 0.6 / k;
  ctx.stroke(outline.graticule);
  if (outline.land && outline.borders) {
    ctx.fillStyle = colors.land;
    ctx.fill(outline.land);
    ctx.strokeStyle = colors.border;
    ctx.lineWidth = 0.8 / k;
    ctx.stroke(outline.borders);
  }

  // Marks in screen pixels, so dots and labels keep their size whatever the zoom.
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  const screen = (p: MapPlace): [number, number] | null => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [xy[0] * k + transform.x, xy[1] * k + transform.y] : null;
  };
  const byId = new Map(data.places.map((p) => [p.id, p]));
  const dimmed = (id: string) => highlighted !== null && highlighted.size > 0 && !highlighted.has(id);

  for (const arc of data.arcs) {
    const [from, to] = [byId.get(arc.from), byId.get(arc.to)];
    const [a, b] = [from && screen(from), to && screen(to)];
    if (!a || !b) continue;
    // A quadratic curve bowed to one side: arcs between the same two places in both directions do not overlap.
    const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const bow = 0.25;
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.quadraticCurveTo(mx - dy * bow, my + dx * bow, b[0], b[1]);
    ctx.strokeStyle = dimmed(arc.to) ? colors.graticule : colors.arc;
    ctx.lineWidth = Math.min(6, 1.2 + arc.events * 0.6);
    ctx.stroke();
  }

  const dots: DrawnDot[] = [];
  // Biggest first, so small dots stay on top and clickable.
  const ordered = [...data.places].sort((p, q) => q.events - p.events);
  for (const place of ordered) {
    const xy = screen(place);
    if (!xy || xy[0] < -20 || xy[1] < -20 || xy[0] > width + 20 || xy[1] > height + 20) continue;
    const r = dotRadius(place.events);
    const lit = highlighted !== null && highlighted.has(place.id);
    ctx.globalAlpha = dimmed(place.id) ? 0.3 : 1;
    ctx.beginPath();
    ctx.arc(xy[0], xy[1], r, 0, Math.PI * 2);
    if (place.events === 0) {
      // A country that only sends visitors: an open ring where its arcs start.
      ctx.strokeStyle = colors.country;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.fillStyle = lit ? colors.highlight : colors.dot;
      ctx.fill();
      ctx.strokeStyle = colors.halo;
      ctx.lineWidth = lit ? 2.5 : 1.2;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    dots.push({ id: place.id, x: xy[0], y: xy[1], r, highlighted: lit });
  }

  ctx.font = "12px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  const labelled = ordered.filter((p) => p.events > 0 && !dimmed(p.id)).slice(0, LABELLED);
  // A label that would cover another label or a dot is left out (the busier place, labelled first, wins).
  const taken: { x: number; y: number; w: number; h: number }[] = dots.map((d) => ({
    x: d.x - d.r,
    y: d.y - d.r,
    w: 2 * d.r,
    h: 2 * d.r,
  }));
  const overlaps = (a: (typeof taken)[number], b: (typeof taken)[number]) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  for (const place of labelled) {
    const dot = dots.find((d) => d.id === place.id);
    if (!dot) continue;
    const [x, y] = [dot.x + dot.r + 4, dot.y];
    const box = { x, y: y - 7, w: ctx.measureText(place.name).width, h: 14 };
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    ctx.lineWidth = 3;
    ctx.strokeStyle = colors.halo;
    ctx.strokeText(place.name, x, y);
    ctx.fillStyle = colors.label;
    ctx.fillText(place.name, x, y);
  }
  return dots;
}

/** The dot under a screen point, if any (the smallest one when dots overlap). */
export function dotAt(dots: DrawnDot[], x: number, y: number): DrawnDot | null {
  let best: DrawnDot | null = null;
  for (const dot of dots) {
    const d = Math.hypot(dot.x - x, dot.y - y);
    if (d <= dot.r + 3 && (!best || dot.r < best.r)) best = dot;
  }
  return best;
}
