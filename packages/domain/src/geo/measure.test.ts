import { describe, expect, it } from 'vitest';
import { distanceM } from '../evidence/photo-checks';
import { bboxAroundM } from './measure';

describe('bboxAroundM', () => {
  it('holds every point at the radius in every direction (Jinan, 50 m)', () => {
    const [lng, lat] = [117.02, 36.65];
    const [minLng, minLat, maxLng, maxLat] = bboxAroundM(lng, lat, 50);
    for (let deg = 0; deg < 360; deg += 15) {
      // A point 50 m away on bearing `deg` (flat approximation is fine at this scale).
      const dy = (50 * Math.cos((deg * Math.PI) / 180)) / 111_320;
      const dx = (50 * Math.sin((deg * Math.PI) / 180)) / (111_320 * Math.cos((lat * Math.PI) / 180));
      const p = { lng: lng + dx, lat: lat + dy };
      expect(distanceM({ lng, lat }, p)).toBeLessThan(50.5);
      expect(p.lng).toBeGreaterThanOrEqual(minLng);
      expect(p.lng).toBeLessThanOrEqual(maxLng);
      expect(p.lat).toBeGreaterThanOrEqual(minLat);
      expect(p.lat).toBeLessThanOrEqual(maxLat);
    }
    // and not much more: about 100 m across
    expect(distanceM({ lng: minLng, lat }, { lng: maxLng, lat })).toBeLessThan(105);
  });
});
