import type { Category } from '@chuangcheng/contracts';
import { describe, expect, it } from 'vitest';
import { matchCategories } from './category-search';
import { jpegName, scaledSize } from './prepare-photo';

const category = (code: string, name: string, path: string): Category => ({
  id: `00000000-0000-7000-8000-0000000000${code.slice(-2)}`,
  parentId: null,
  kind: 'event',
  level: 'minor',
  code,
  name,
  path,
  department: null,
  departmentName: null,
  severity: 'normal',
  conditions: [],
  disabled: false,
});

describe('matchCategories', () => {
  const all = [
    category('010101', '暴露垃圾', '事件 / 市容环境 / 暴露垃圾'),
    category('010102', '积存垃圾渣土', '事件 / 市容环境 / 积存垃圾渣土'),
    category('020301', '占道经营', '事件 / 街面秩序 / 占道经营'),
  ];
  it('matches every typed word in name, code or path', () => {
    expect(matchCategories(all, '垃圾').map((c) => c.code)).toEqual(['010101', '010102']);
    expect(matchCategories(all, '街面 占道').map((c) => c.code)).toEqual(['020301']);
    expect(matchCategories(all, '0101').map((c) => c.code)).toEqual(['010101', '010102']);
    expect(matchCategories(all, '  ')).toHaveLength(3);
    expect(matchCategories(all, '井盖')).toEqual([]);
  });
});

describe('photo preparation', () => {
  it('scales the longer edge down to the limit and never up', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 2560, height: 1920 });
    expect(scaledSize(3000, 4000, 1000)).toEqual({ width: 750, height: 1000 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
  it('names a re-encoded photo .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('')).toBe('photo.jpg');
  });
});
