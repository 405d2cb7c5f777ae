import JSZip from 'jszip';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findCjkFont,
  renderSupervisionOrderDocx,
  renderSupervisionOrderPdf,
  type SupervisionOrderDoc,
} from './index';

/** A noisy w×h image from raw pixels, so the encoder can't squeeze it to nothing. */
async function testImage(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 37 + ((i / 3) % width) * 5) % 256;
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

function sampleDoc(photos: SupervisionOrderDoc['photos'], over: Partial<SupervisionOrderDoc> = {}) {
  return {
    cityName: '示范市',
    officeName: '示范市创建办',
    number: '督〔2026〕0007号',
    level: 1,
    unitName: '示范市城市管理局',
    lines: [
      {
        kindLabel: '案卷',
        refNumber: '20261123-0042',
        title: '事件 / 街面秩序 / 占道经营',
        description: '解放路与人民路交叉口东北角流动摊贩占道经营，影响行人通行。\n群众多次反映，至今未整改。',
        address: '解放路与人民路交叉口东北角',
        gridName: '东城街道第三网格',
        coUnitNames: ['东城区市场监管所', '东城街道办事处'],
        reportedAt: new Date('2026-11-23T06:30:00Z'),
        originalDeadline: new Date('2026-11-25T10:00:00Z'),
      },
    ],
    deadline: new Date('2026-11-28T10:00:00Z'),
    requirements: '请责任单位立即组织清理，建立长效管理机制，整改完成后上传整改前后对比照片。',
    issuedAt: new Date('2026-11-26T02:00:00Z'),
    issuedBy: '张三',
    photos,
    utcOffsetMinutes: 480,
    ...over,
  } satisfies SupervisionOrderDoc as SupervisionOrderDoc;
}

let photos: SupervisionOrderDoc['photos'];

beforeAll(async () => {
  photos = [
    { caption: '现场照片一（整改前）', bytes: await testImage(320, 240, 'jpeg') },
    { caption: '现场照片二', bytes: await testImage(200, 300, 'png') },
  ];
});

async function documentXml(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && !zip.files[n]!.dir);
  return { xml, media };
}

describe('renderSupervisionOrderDocx', () => {
  it('writes the order fields, the photos and China times into an A4 Word file', async () => {
    const { xml, media } = await documentXml(await renderSupervisionOrderDocx(sampleDoc(photos)));
    for (const text of [
      '示范市城市管理督办单',
      '督〔2026〕0007号',
      '示范市城市管理局',
      '东城区市场监管所、东城街道办事处',
      '20261123-0042',
      '解放路与人民路交叉口东北角流动摊贩占道经营，影响行人通行。',
      '群众多次反映，至今未整改。',
      '整改完成后上传整改前后对比照片',
      '现场照片一（整改前）',
      '签收回执',
      '签收人',
      '示范市创建办',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('2026年11月23日 14:30'); // reportedAt 06:30Z in UTC+8
    expect(xml).toContain('2026年11月28日 18:00前');
    expect(xml).toContain('2026年11月26日'); // issued, date only
    expect(xml).toContain('2026年11月25日 18:00'); // 原定期限 of the line
    expect(xml).toContain('（一）案卷 20261123-0042');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:w="11906"'); // A4 width in twips
    expect(xml).toContain('>　　　　年　　月　　日　　时　　分<'); // the blanks survive for handwriting
    expect(xml).not.toContain('—'); // every field was given
    expect(xml).not.toContain('挂牌督办');
    expect(media).toHaveLength(2);
  });

  it('titles a level-2 order 挂牌督办 and prints dashes for missing address, grid and deadline', async () => {
    const line = {
      ...sampleDoc([]).lines[0]!,
      address: null,
      gridName: null,
      originalDeadline: null,
      coUnitNames: [],
    };
    const doc = sampleDoc([], { level: 2, lines: [line] });
    const { xml, media } = await documentXml(await renderSupervisionOrderDocx(doc));
    expect(xml).toContain('示范市城市管理挂牌督办通知单');
    expect(xml).toContain('挂牌督办');
    expect(xml).toContain('—');
    expect(xml).not.toContain('三、现场照片');
    expect(media).toHaveLength(0);
  });
});

describe('renderSupervisionOrderPdf', () => {
  it('lays the order out on A4 with the CJK font embedded and the photos included', async () => {
    const font = findCjkFont();
    expect(font, 'install fonts-noto-cjk or fonts-wqy-microhei').not.toBeNull();
    const pdf = await renderSupervisionOrderPdf(sampleDoc(photos, { level: 2 }), font);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(text).toContain(font!.family);
    expect(text).toMatch(/\/FontFile[23]/);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(text.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('re-encodes a photo that is neither JPEG nor PNG', async () => {
    const webp = await sharp(await testImage(120, 80, 'png'))
      .webp()
      .toBuffer();
    const pdf = await renderSupervisionOrderPdf(sampleDoc([{ caption: 'webp', bytes: webp }]));
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('refuses with FONT_MISSING when no CJK font is installed', async () => {
    await expect(renderSupervisionOrderPdf(sampleDoc(photos), null)).rejects.toMatchObject({
      code: 'FONT_MISSING',
    });
  });
});

describe('findCjkFont', () => {
  it('prefers an existing CJK_FONT_PATH and ignores one that does not exist', () => {
    const installed = findCjkFont({});
    expect(installed).not.toBeNull();
    expect(findCjkFont({ CJK_FONT_PATH: '/nonexistent/font.ttc' })).toEqual(installed);
    expect(findCjkFont({ CJK_FONT_PATH: installed!.path, CJK_FONT_FAMILY: 'Custom-Regular' })).toEqual({
      path: installed!.path,
      family: 'Custom-Regular',
    });
  });
});
