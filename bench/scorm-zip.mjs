// A one-SCO SCORM 1.2 package for the benchmarks: `index.html` plus the given files (media are
// stored, not compressed, as real video is).
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';

export async function writeScormZip(path, { identifier, title, page, files = [] }) {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0"?>
<manifest identifier="${identifier}" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>${title}</title><item identifier="sco" identifierref="res"><title>${title}</title></item></organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/>${files.map((file) => `<file href="${file.name}"/>`).join('')}</resource></resources>
</manifest>`),
    'imsmanifest.xml',
  );
  zip.addBuffer(Buffer.from(page), 'index.html');
  for (const file of files) zip.addBuffer(file.data, file.name, { compress: false });
  zip.end();
  await new Promise((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
}
