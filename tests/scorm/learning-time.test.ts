/** The duration a package declares: LOM typicalLearningTime only, never its time limits. */
import { describe, expect, it } from 'vitest';
import {
  learningMinutes,
  memoryFiles,
  parseLearningTime,
  parseManifest,
} from '../../src/scorm/package/index.js';

const NS_12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`;
const NS_2004 = `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`;

function manifest12(metadata: string, itemExtra = ''): string {
  return `<?xml version="1.0"?>
<manifest identifier="timed" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>${metadata}</metadata>
  <organizations default="org"><organization identifier="org"><title>Timed</title>
    <item identifier="item" identifierref="res"><title>Timed</title>${itemExtra}</item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>
</manifest>`;
}

function manifest2004(metadata: string, itemExtra = ''): string {
  return `<?xml version="1.0"?>
<manifest identifier="timed2004" ${NS_2004}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>${metadata}</metadata>
  <organizations default="org"><organization identifier="org"><title>Timed</title>
    <item identifier="item" identifierref="res"><title>Timed</title>${itemExtra}</item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
</manifest>`;
}

const files = (extra: Record<string, string> = {}) =>
  memoryFiles({ 'index.html': '<!DOCTYPE html><title>x</title>', ...extra });

describe('typical learning time', () => {
  it('reads ISO 8601 durations and clock-style time spans, and nothing else', () => {
    expect(parseLearningTime('PT1H30M')).toBe(5400);
    expect(parseLearningTime('PT45M')).toBe(2700);
    expect(parseLearningTime('pt0.5h')).toBe(1800);
    expect(parseLearningTime('P1DT2H')).toBe(26 * 3600);
    expect(parseLearningTime('01:30:00')).toBe(5400);
    expect(parseLearningTime('0000:20:00.00')).toBe(1200);
    expect(parseLearningTime('PT0S')).toBeUndefined();
    expect(parseLearningTime('PT')).toBeUndefined();
    expect(parseLearningTime('about an hour')).toBeUndefined();
    expect(parseLearningTime('')).toBeUndefined();
    expect(learningMinutes(2700)).toBe(45);
    expect(learningMinutes(20)).toBe(1);
    expect(learningMinutes(undefined)).toBe(0);
  });

  it('takes it from inline IEEE LOM in a SCORM 2004 manifest', async () => {
    const parsed = await parseManifest(
      manifest2004(`<lom xmlns="http://ltsc.ieee.org/xsd/LOM"><educational>
        <typicalLearningTime><duration>PT45M</duration></typicalLearningTime>
      </educational></lom>`),
      files(),
    );
    expect(parsed.typicalLearningSeconds).toBe(2700);
  });

  it('takes it from IMS metadata 1.2 (datetime) in a SCORM 1.2 manifest', async () => {
    const parsed = await parseManifest(
      manifest12(`<imsmd:lom xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><imsmd:educational>
        <imsmd:typicallearningtime><imsmd:datetime>0000:30:00</imsmd:datetime></imsmd:typicallearningtime>
      </imsmd:educational></imsmd:lom>`),
      files(),
    );
    expect(parsed.typicalLearningSeconds).toBe(1800);
  });

  it('takes it from the metadata file named by adlcp:location', async () => {
    const parsed = await parseManifest(
      manifest2004('<adlcp:location>meta/lom.xml</adlcp:location>'),
      files({
        'meta/lom.xml': `<?xml version="1.0"?><lom xmlns="http://ltsc.ieee.org/xsd/LOM">
          <general><title><string language="en">Timed</string></title></general>
          <educational><typicalLearningTime><duration>PT2H</duration></typicalLearningTime></educational>
        </lom>`,
      }),
    );
    expect(parsed.typicalLearningSeconds).toBe(7200);
  });

  it('ignores the time limits: adlcp:maxtimeallowed and attemptAbsoluteDurationLimit are not a duration', async () => {
    const limited12 = await parseManifest(
      manifest12('', '<adlcp:maxtimeallowed>01:00:00</adlcp:maxtimeallowed>'),
      files(),
    );
    expect(limited12.typicalLearningSeconds).toBeUndefined();
    const limited2004 = await parseManifest(
      manifest2004(
        '',
        '<imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/></imsss:sequencing>',
      ),
      files(),
    );
    expect(limited2004.typicalLearningSeconds).toBeUndefined();
  });
});
