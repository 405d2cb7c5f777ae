import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19912345678')).toBe('199****5678');
  });

  it("keeps the user's spacing and dashes", () => {
    expect(maskPhone('138 1234 5678')).toBe('138 **** 5678');
    expect(maskPhone('138-1234-5678')).toBe('138-****-5678');
  });

  it('keeps a +86 / 0086 / 86 country prefix visible', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('0086 13812345678')).toBe('0086 138****5678');
    expect(maskPhone('8613812345678')).toBe('86138****5678');
  });

  it('keeps the area code and last 4 digits of a landline', () => {
    expect(maskPhone('0531-8888 1234')).toBe('0531-**** 1234');
    expect(maskPhone('0531-88881234')).toBe('0531-****1234');
    expect(maskPhone('010-6552 1234')).toBe('010-**** 1234');
    expect(maskPhone('(010) 6552 1234')).toBe('(010) **** 1234');
    expect(maskPhone('0571 8765 4321')).toBe('0571 **** 4321');
  });

  it('infers the area code length when there is no separator', () => {
    expect(maskPhone('053188881234')).toBe('0531****1234');
    expect(maskPhone('01065521234')).toBe('010****1234');
    expect(maskPhone('02012345678')).toBe('020****5678');
  });

  it('shows only the last 4 digits of other 7+ digit numbers', () => {
    expect(maskPhone('88881234')).toBe('****1234');
    expect(maskPhone('8888123')).toBe('***8123');
  });

  it('masks short strings entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone('不详')).toBe('**');
    expect(maskPhone('')).toBe('');
  });

  it('passes null and undefined through as null', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });

  it('never reveals more than 7 digits of an 11-digit mobile', () => {
    const masked = maskPhone('13812345678');
    expect(masked.replace(/\D/g, '')).toHaveLength(7);
  });
});

describe('maskName', () => {
  it('keeps the first and last character of 3+ character names', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('keeps only the surname of 2-character names', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('masks a single character entirely', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('trims surrounding whitespace', () => {
    expect(maskName('  张三丰 ')).toBe('张*丰');
  });

  it('keeps separators in transliterated and foreign names', () => {
    expect(maskName('阿卜杜·热合曼')).toBe('阿**·**曼');
    expect(maskName('John Smith')).toBe('J*** ****h');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷*家');
    expect(maskName('𠮷三')).toBe('𠮷*');
  });

  it('passes null and undefined through as null', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
  });
});
